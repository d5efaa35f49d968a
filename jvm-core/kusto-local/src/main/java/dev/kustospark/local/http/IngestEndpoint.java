package dev.kustospark.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.dm.DataManagement;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.ingest.IngestionRequest;
import dev.kustospark.local.ingest.IngestionResult;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.protocol.RequestIds;
import dev.kustospark.local.protocol.ResultCursor;
import dev.kustospark.local.protocol.ResultLimits;
import dev.kustospark.local.protocol.V1ResponseWriter;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.types.KustoType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Streaming ingestion: {@code POST /v1/rest/ingest/{db}/{table}?streamFormat=..&mappingName=..}, the
 * data in the body or, with {@code sourceKind=uri}, in the blob the body names.
 */
final class IngestEndpoint {
    static final String PATH_PREFIX = "/v1/rest/ingest/";

    /** The streamFormat values the service accepts. */
    static final Set<String> FORMATS = Set.of("csv", "tsv", "scsv", "sohsv", "psv", "txt", "tsve", "json",
            "singlejson", "multijson", "avro", "apacheavro", "parquet", "sstream", "orc", "raw", "w3clogfile");

    private static final List<Column> RESULT_COLUMNS = List.of(
            new Column("ConsumedRecordsCount", KustoType.LONG), new Column("UpdatePolicyStatus", KustoType.STRING),
            new Column("UpdatePolicyFailureCode", KustoType.STRING),
            new Column("UpdatePolicyFailureReason", KustoType.STRING));

    private final Catalog catalog;
    private final Ingestor ingestor;
    private final DataManagement dataManagement;

    /** @param dataManagement the storage blobs are read from (sourceKind=uri), or null without Azurite */
    IngestEndpoint(Catalog catalog, Ingestor ingestor, DataManagement dataManagement) {
        this.catalog = catalog;
        this.ingestor = ingestor;
        this.dataManagement = dataManagement;
    }

    void ingest(HttpExchange exchange, RequestIds ids) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PATH_PREFIX.length());
        String[] segments = rest.split("/", -1);
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            throw KustoException.notFound("Streaming ingestion expects /v1/rest/ingest/{database}/{table}, not '"
                    + exchange.getRequestURI().getPath() + "'.");
        }
        Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
        boolean fromBlob = "uri".equalsIgnoreCase(query.get("sourcekind"));
        if (fromBlob && dataManagement == null) {
            throw KustoException.badRequest("Streaming ingestion from a blob (sourceKind=uri) needs storage: "
                    + "start kusto-local with --with-azurite, or send the data itself in the request body.");
        }
        String format = query.get("streamformat");
        if (format == null || format.isBlank()) {
            throw KustoException.badRequest("Streaming ingestion requires the 'streamFormat' query parameter.");
        }
        if (!FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
            throw KustoException.badRequest("The stream format '" + format + "' is not supported; supported formats: "
                    + String.join(", ", FORMATS.stream().sorted().toList()) + ".");
        }
        String mapping = query.get("mappingname");
        String database = catalog.resolveDatabase(segments[0]);
        IngestionRequest request = new IngestionRequest(format.toLowerCase(Locale.ROOT),
                mapping == null || mapping.isBlank() ? null : mapping, null, List.of(), List.of(), null, false);
        IngestionResult result;
        try (InputStream body = fromBlob ? dataManagement.openBlob(sourceUri(exchange.getRequestBody()))
                : decompressIfGzip(exchange.getRequestBody())) {
            result = ingestor.ingest(database, segments[1], request, body);
        }
        RowsResult table = new RowsResult("Table_0", RESULT_COLUMNS,
                List.of(Arrays.asList(result.rowCount(), "Inactive", "Unknown", null)));
        try (OutputStream out = Responses.startStream(exchange)) {
            new V1ResponseWriter(ids, ResultLimits.NONE, null)
                    .writeCommand(out, List.of(ResultCursor.of(table, null, null)));
        }
    }

    /** The blob URL of a body {@code {"sourceUri": "..."}} (the SDKs' request for sourceKind=uri). */
    static String sourceUri(InputStream body) throws IOException {
        JsonNode uri;
        try {
            uri = QueryRequest.JSON.readTree(body).path("sourceUri");
        } catch (JsonProcessingException e) {
            throw KustoException.badRequest("Streaming ingestion from a blob expects the body "
                    + "{\"sourceUri\": \"<blob URL>\"}; it is not valid JSON.");
        }
        if (!uri.isTextual() || uri.asText().isBlank()) {
            throw KustoException.badRequest("Streaming ingestion from a blob expects the body "
                    + "{\"sourceUri\": \"<blob URL>\"}; 'sourceUri' is missing.");
        }
        return uri.asText();
    }

    /** Both SDKs label every body gzip whether it is or not, so only the magic bytes decide. */
    static InputStream decompressIfGzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 65536);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(in, 65536);
        }
        return in;
    }

    /** Query parameters by lower-cased name (the SDKs' casing varies). */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name.toLowerCase(Locale.ROOT), value);
        }
        return values;
    }
}
