package dev.kustospark.spark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingHttpClientTest {
    private HttpServer server;
    private final CountDownLatch firstPartRead = new CountDownLatch(1);
    private volatile String receivedBody;
    private volatile String receivedHeader;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/rest/query", exchange -> {
            receivedBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            receivedHeader = exchange.getRequestHeaders().getFirst("x-ms-app");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The rest is only sent once the client has read the first part: an aggregating
                // client would wait here for ever (and the test time out).
                if (!firstPartRead.await(10, TimeUnit.SECONDS)) {
                    return;
                }
                out.write(",second".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theResponseBodyIsReadableBeforeTheServerHasSentAllOfIt() throws Exception {
        HttpRequest request = new HttpRequest(HttpMethod.POST,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/rest/query")
                .setHeader(HttpHeaderName.fromString("x-ms-app"), "bench")
                .setBody("{\"csl\":\"T\"}");
        try (HttpResponse response = StreamingHttpClient.shared().send(request).block()) {
            assertEquals(200, response.getStatusCode());
            assertEquals("application/json", response.getHeaderValue("Content-Type"));
            InputStream body = response.getBodyAsInputStream().block();
            assertEquals("first", new String(body.readNBytes(5), StandardCharsets.UTF_8));
            firstPartRead.countDown();
            assertEquals(",second", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("{\"csl\":\"T\"}", receivedBody);
        assertEquals("bench", receivedHeader);
    }

    @Test
    void theBodyCanBeReadAsAString() {
        firstPartRead.countDown();
        HttpRequest request = new HttpRequest(HttpMethod.POST,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/rest/query").setBody("{}");
        try (HttpResponse response = StreamingHttpClient.shared().send(request).block()) {
            assertEquals("first,second", response.getBodyAsString().block());
        }
    }
}
