package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KustoHttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServerFixture server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        server = ServerFixture.start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(server.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void urlIsLocalhostWithThePort() {
        assertEquals("http://localhost:" + server.server.port(), server.url());
    }

    @Test
    void authMetadataIsThePublicCloudsWithoutAuthentication() throws Exception {
        ServerFixture.Reply reply = server.send("GET", "/v1/rest/auth/metadata", Map.of(), null);
        assertEquals(200, reply.status());
        JsonNode aad = JSON.readTree(reply.body()).get("AzureAD");
        for (String field : new String[] {"LoginEndpoint", "LoginMfaRequired", "KustoClientAppId",
                "KustoClientRedirectUri", "KustoServiceResourceId", "FirstPartyAuthorityUrl"}) {
            assertTrue(aad.has(field), field);
        }
        assertNotNull(reply.header("x-ms-activity-id"));
    }

    @Test
    void managementCommandOnTheQueryEndpointIsABadRequestFromTheSdk() {
        // Java's executeQuery always posts to /v2/rest/query, whatever the text.
        DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeQuery("db1", ".show tables"));
        assertEquals(400, e.getStatusCode());
        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().contains("Management commands cannot be sent to the query endpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("ActivityId='"), "the SDK appends the response's activity id: " + e.getMessage());
    }

    @Test
    void errorBodyHasTheServiceShapeAndEchoesTheClientRequestId() throws Exception {
        ServerFixture.Reply reply = server.postJson("/v2/rest/query", "{\"db\":\"db1\",\"csl\":\".show tables\"}",
                Map.of("x-ms-client-request-id", "KJC.execute;test-123"));
        assertEquals(400, reply.status());
        assertEquals("KJC.execute;test-123", reply.header("x-ms-client-request-id"));
        String activityId = reply.header("x-ms-activity-id");
        assertNotNull(activityId);
        JsonNode error = JSON.readTree(reply.body()).get("error");
        assertEquals("General_BadRequest", error.get("code").asText());
        assertEquals("Request is invalid and cannot be executed.", error.get("message").asText());
        assertEquals("Kusto.Data.Exceptions.KustoBadRequestException", error.get("@type").asText());
        assertTrue(error.get("@message").asText().contains("'.show tables'"));
        assertTrue(error.get("@permanent").asBoolean());
        JsonNode context = error.get("@context");
        assertEquals("KJC.execute;test-123", context.get("clientRequestId").asText());
        assertEquals(activityId, context.get("activityId").asText());
        assertEquals("KUSTO-LOCAL", context.get("serviceAlias").asText());
        assertTrue(context.get("timestamp").asText().endsWith("Z"));
    }

    @Test
    void unknownPathIsA404InTheErrorShape() throws Exception {
        ServerFixture.Reply reply = server.send("GET", "/v3/nothing", Map.of(), null);
        assertEquals(404, reply.status());
        JsonNode error = JSON.readTree(reply.body()).get("error");
        assertTrue(error.get("@message").asText().contains("/v3/nothing"));
    }

    @Test
    void wrongMethodIsRejected() throws Exception {
        ServerFixture.Reply reply = server.send("GET", "/v2/rest/query", Map.of(), null);
        assertEquals(405, reply.status());
        assertTrue(JSON.readTree(reply.body()).get("error").get("@message").asText().contains("accepts POST"));
    }

    @Test
    void malformedBodiesAreBadRequests() throws Exception {
        assertEquals(400, server.postJson("/v2/rest/query", "{not json", Map.of()).status());
        ServerFixture.Reply noCsl = server.postJson("/v2/rest/query", "{\"db\":\"db1\"}", Map.of());
        assertEquals(400, noCsl.status());
        assertTrue(noCsl.body().contains("csl"));
        ServerFixture.Reply badTimeout = server.postJson("/v2/rest/query",
                "{\"db\":\"db1\",\"csl\":\"print 1\",\"properties\":\"{\\\"Options\\\":{\\\"servertimeout\\\":\\\"soon\\\"}}\"}",
                Map.of());
        assertEquals(400, badTimeout.status());
        assertTrue(badTimeout.body().contains("servertimeout"), badTimeout.body());
    }

    @Test
    void unknownDatabaseIsNamed() {
        DataServiceException e = assertThrows(DataServiceException.class,
                () -> client.executeQuery("NoSuchDatabase", "print 1"));
        assertTrue(e.getMessage().contains("NoSuchDatabase"), e.getMessage());
        assertFalse(e.getStatusCode() == 500, e.getMessage());
    }

    @Test
    void unknownCommandFailsThroughTheMgmtEndpoint() {
        DataServiceException e = assertThrows(DataServiceException.class,
                () -> client.executeMgmt("db1", ".frobnicate everything"));
        assertEquals(400, e.getStatusCode());
    }

    @Test
    void streamingIngestRejectsBlobSourcesAndUnknownFormats() throws Exception {
        ServerFixture.Reply uri = server.send("POST", "/v1/rest/ingest/db1/T?streamFormat=csv&sourceKind=uri",
                Map.of("Content-Type", "application/json"), "{\"sourceUri\":\"https://x/y?sig=s\"}".getBytes());
        assertEquals(400, uri.status());
        assertTrue(uri.body().contains("sourceKind=uri"), uri.body());
        ServerFixture.Reply format = server.send("POST", "/v1/rest/ingest/db1/T?streamFormat=xlsx",
                Map.of(), "a,b\n".getBytes());
        assertEquals(400, format.status());
        assertTrue(format.body().contains("'xlsx'"), format.body());
        ServerFixture.Reply path = server.send("POST", "/v1/rest/ingest/db1?streamFormat=csv", Map.of(), "1\n".getBytes());
        assertEquals(404, path.status());
    }
}
