package dev.kustospark.spark.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.FluxUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An azure-core {@link HttpClient} on the JDK's {@code java.net.http} client whose response body is
 * the socket's stream. The SDK's default (Netty) client answers {@code getBodyAsInputStream} by
 * aggregating the whole body in direct memory first, so {@code executeStreamingQuery} held a
 * complete query result (1 GB and more for 10 million rows) before the first row was parsed; with
 * this client the partition reader parses the response while it arrives.
 */
final class StreamingHttpClient implements HttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final StreamingHttpClient SHARED = new StreamingHttpClient();

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    static StreamingHttpClient shared() {
        return SHARED;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> (HttpResponse) execute(request)).subscribeOn(Schedulers.boundedElastic());
    }

    private StreamedResponse execute(HttpRequest request) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder builder;
        try {
            builder = java.net.http.HttpRequest.newBuilder(request.getUrl().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("invalid request URL " + request.getUrl(), e);
        }
        for (HttpHeader header : request.getHeaders()) {
            if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValuesList()) {
                    builder.header(header.getName(), value);
                }
            }
        }
        BinaryData body = request.getBodyAsBinaryData();
        builder.method(request.getHttpMethod().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toBytes()));
        java.net.http.HttpResponse<InputStream> response =
                http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        return new StreamedResponse(request, response);
    }

    /** A response whose body is read from the connection as the caller consumes it. */
    private static final class StreamedResponse extends HttpResponse {
        private final int status;
        private final HttpHeaders headers = new HttpHeaders();
        private final InputStream body;

        StreamedResponse(HttpRequest request, java.net.http.HttpResponse<InputStream> response) {
            super(request);
            this.status = response.statusCode();
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (!header.getKey().startsWith(":")) {
                    headers.set(header.getKey(), header.getValue());
                }
            }
            this.body = response.body();
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return FluxUtil.toFluxByteBuffer(body);
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.fromCallable(body::readAllBytes);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return getBodyAsByteArray().map(bytes -> new String(bytes, charset));
        }

        @Override
        public Mono<InputStream> getBodyAsInputStream() {
            return Mono.just(body);
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
