package dev.kustospark.spark.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.FluxUtil;
import dev.kustospark.spark.internal.ConnectionFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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
import java.util.concurrent.Flow;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The azure-core {@link HttpClient} of every request the connector makes (queries, commands,
 * ingestion, storage), on the JDK's {@code java.net.http} client, with bodies streamed both ways.
 *
 * <p>Why not the SDKs' default (Netty) client: it answers {@code getBodyAsInputStream} by
 * aggregating the whole body in direct memory first, so {@code executeStreamingQuery} held a
 * complete query result (1 GB and more for 10 million rows) before the first row was parsed; and
 * reactor-netty logs every request's URL at DEBUG, SAS signatures included. This client logs
 * nothing, and tells a server it cannot reach in one line ({@link ConnectionFailure}).
 */
final class StreamingHttpClient implements HttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /**
     * TCP and TLS handshake together, as azure-core's default: a reachable cluster answers within a
     * second; a TLS handshake with a plain-HTTP server never ends, and this bounds the wait.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final StreamingHttpClient SHARED = new StreamingHttpClient();

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
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
        builder.method(request.getHttpMethod().name(), bodyOf(request));
        java.net.http.HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw ConnectionFailure.classify(request.getUrl(), CONNECT_TIMEOUT, e);
        }
        return new StreamedResponse(request, response);
    }

    /** The request body, streamed (a blob upload can be hundreds of MB), with its length when known. */
    private static java.net.http.HttpRequest.BodyPublisher bodyOf(HttpRequest request) {
        BinaryData body = request.getBodyAsBinaryData();
        if (body == null) {
            return java.net.http.HttpRequest.BodyPublishers.noBody();
        }
        // Storage refuses chunked uploads: the declared length stands in when the body's is unknown.
        String declared = request.getHeaders().getValue(HttpHeaderName.CONTENT_LENGTH);
        Long length = body.getLength() != null ? body.getLength() : declared == null ? null : Long.valueOf(declared);
        if (length != null && length == 0) {
            return java.net.http.HttpRequest.BodyPublishers.noBody();
        }
        Flow.Publisher<ByteBuffer> chunks = JdkFlowAdapter.publisherToFlowPublisher(body.toFluxByteBuffer());
        return length == null ? java.net.http.HttpRequest.BodyPublishers.fromPublisher(chunks)
                : java.net.http.HttpRequest.BodyPublishers.fromPublisher(chunks, length);
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
