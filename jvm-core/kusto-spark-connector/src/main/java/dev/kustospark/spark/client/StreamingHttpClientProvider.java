package dev.kustospark.spark.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpClientProvider;
import com.azure.core.util.HttpClientOptions;

/**
 * Hands {@link StreamingHttpClient} to the Kusto ingest SDK, which takes its HTTP client only as a
 * provider class ({@code HttpClientProperties.provider}) and passes it on to its storage clients.
 * azure-core finds providers through {@code META-INF/services}, so this class is public.
 */
public final class StreamingHttpClientProvider implements HttpClientProvider {
    @Override
    public HttpClient createInstance() {
        return StreamingHttpClient.shared();
    }

    @Override
    public HttpClient createInstance(HttpClientOptions options) {
        return StreamingHttpClient.shared();
    }
}
