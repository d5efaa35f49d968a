package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClient;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.IngestionProperties.DataFormat;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionServiceException;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import com.microsoft.azure.kusto.ingest.source.CompressionType;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming ingestion through the official ingest client: csv, json with mappings, parquet, gzip. */
final class StreamingIngestionConformanceTest extends ConformanceBase {
    IngestClient ingest;

    @TempDir
    Path temp;

    @Override
    void setUpData() throws Exception {
        ingest = IngestClientFactory.createStreamingIngestClient(new ConnectionStringBuilder(kusto.url()));
    }

    @AfterAll
    void closeIngestClient() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
    }

    void createStreamingTable(String name, String schema) throws Exception {
        mgmt(".create table " + name + " " + schema);
        // The service accepts streaming ingestion only where the policy enables it.
        mgmt(".alter table " + name + " policy streamingingestion enable");
    }

    void ingestBytes(byte[] data, IngestionProperties properties, CompressionType compression) throws Exception {
        StreamSourceInfo source = new StreamSourceInfo(new ByteArrayInputStream(data));
        if (compression != null) {
            source.setCompressionType(compression);
        }
        IngestionResult result = ingest.ingestFromStream(source, properties);
        List<IngestionStatus> statuses = result.getIngestionStatusCollection();
        assertEquals(1, statuses.size());
        assertEquals(OperationStatus.Succeeded.name(), String.valueOf(statuses.get(0).getStatus()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvStream() throws Exception {
        createStreamingTable("CsvRows", "(Id:long, Name:string, Score:real, At:datetime)");
        IngestionProperties properties = new IngestionProperties(DB, "CsvRows");
        properties.setDataFormat(DataFormat.CSV);
        ingestBytes(utf8("1,alpha,1.5,2024-01-01T00:00:00Z\n2,\"beta, with comma\",2.5,2024-01-02T00:00:00Z\n3,,,\n"),
                properties, null);
        assertEquals(List.of(List.of("1", "alpha"), List.of("2", "beta, with comma"), List.of("3", "")),
                rows("CsvRows | sort by Id asc | project Id, Name"));
        assertEquals(4.0, scalarDouble("CsvRows | summarize sum(Score)"));
        assertEquals(1L, scalarLong("CsvRows | where isnull(At) | count"));
    }

    @Test
    void streamingPathIngestsAHeaderLineAsData() throws Exception {
        // The streaming request carries only the format and a mapping name: ignoreFirstRecord is not
        // sent, so a header line becomes a row (its non-numeric "a" converts to null).
        createStreamingTable("CsvHeader", "(a:int, b:string)");
        IngestionProperties properties = new IngestionProperties(DB, "CsvHeader");
        properties.setDataFormat(DataFormat.CSV);
        properties.setIgnoreFirstRecord(true);
        ingestBytes(utf8("a,b\n1,x\n2,y\n"), properties, null);
        assertEquals(table("<null>,b", "1,x", "2,y"), rows("CsvHeader | sort by a asc nulls first"));
    }

    @Test
    void gzipCompressedCsvStream() throws Exception {
        createStreamingTable("GzRows", "(Id:long, Name:string)");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(utf8("10,ten\n20,twenty\n"));
        }
        IngestionProperties properties = new IngestionProperties(DB, "GzRows");
        properties.setDataFormat(DataFormat.CSV);
        ingestBytes(buffer.toByteArray(), properties, CompressionType.gz);
        assertEquals(table("10,ten", "20,twenty"), rows("GzRows | sort by Id asc"));
    }

    @Test
    void jsonWithNestedPathsThroughAMappingReference() throws Exception {
        // The streaming path sends only a mapping name (an inline ColumnMapping[] is not transmitted),
        // so the mapping is created on the table first.
        createStreamingTable("JsonRows", "(Name:string, Age:long, Tags:dynamic)");
        mgmt(".create table JsonRows ingestion json mapping 'nested' '["
                + "{\"column\":\"Name\",\"path\":\"$.person.name\",\"datatype\":\"string\"},"
                + "{\"column\":\"Age\",\"path\":\"$.age\",\"datatype\":\"long\"},"
                + "{\"column\":\"Tags\",\"path\":\"$.tags\",\"datatype\":\"dynamic\"}]'");
        IngestionProperties properties = new IngestionProperties(DB, "JsonRows");
        properties.setDataFormat(DataFormat.JSON);
        properties.setIngestionMapping("nested", IngestionMapping.IngestionMappingKind.JSON);
        ingestBytes(utf8("{\"person\":{\"name\":\"Ann\"},\"age\":30,\"tags\":[\"a\",\"b\"]}\n"
                + "{\"person\":{\"name\":\"Bob\"},\"age\":null,\"tags\":{\"k\":1}}\n"), properties, null);
        assertEquals(table("Ann,30", "Bob,<null>"), rows("JsonRows | sort by Name asc | project Name, Age"));
        assertEquals("b", scalarString("JsonRows | where Name == 'Ann' | project tostring(Tags[1])"));
        assertEquals(1L, scalarLong("JsonRows | where Name == 'Bob' | project tolong(Tags.k)"));
    }

    @Test
    void jsonWithAMappingReference() throws Exception {
        createStreamingTable("JsonRef", "(A:long, B:string)");
        mgmt(".create table JsonRef ingestion json mapping 'refmap' "
                + "'[{\"column\":\"A\",\"path\":\"$.x\",\"datatype\":\"long\"},{\"column\":\"B\",\"path\":\"$.y\"}]'");
        IngestionProperties properties = new IngestionProperties(DB, "JsonRef");
        properties.setDataFormat(DataFormat.MULTIJSON);
        properties.setIngestionMapping("refmap", IngestionMapping.IngestionMappingKind.JSON);
        ingestBytes(utf8("[{\"x\":1,\"y\":\"one\"},\n{\"x\":2,\"y\":\"two\"}]"), properties, null);
        assertEquals(table("1,one", "2,two"), rows("JsonRef | sort by A asc"));
    }

    @Test
    void parquetStreamProducedByDuckDb() throws Exception {
        createStreamingTable("ParquetRows", "(Id:long, Name:string, Score:real, Flag:bool, At:datetime)");
        Path file = temp.resolve("rows.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES "
                    + "(1::BIGINT, 'one', 1.25::DOUBLE, true, TIMESTAMPTZ '2024-05-06 07:08:09+00'), "
                    + "(2::BIGINT, NULL, NULL, false, NULL)) AS t(\"Id\", \"Name\", \"Score\", \"Flag\", \"At\")) TO '"
                    + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        IngestionProperties properties = new IngestionProperties(DB, "ParquetRows");
        properties.setDataFormat(DataFormat.PARQUET);
        ingestBytes(Files.readAllBytes(file), properties, null);
        assertEquals(table("1,one,true", "2,,false"), rows("ParquetRows | sort by Id asc | project Id, Name, Flag"));
        assertEquals(1.25, scalarDouble("ParquetRows | where Id == 1 | project Score"));
        assertEquals("2024-05-06T07:08:09Z",
                java.time.Instant.parse(scalarString("ParquetRows | where Id == 1 | project At")).toString());
        assertEquals(1L, scalarLong("ParquetRows | where isnull(Score) and isnull(At) | count"));
    }

    @Test
    void ingestionIntoAMissingTableFails() {
        IngestionProperties properties = new IngestionProperties(DB, "NoSuchIngestTable");
        properties.setDataFormat(DataFormat.CSV);
        IngestionServiceException error = assertThrows(IngestionServiceException.class,
                () -> ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(utf8("1\n"))), properties));
        assertTrue(String.valueOf(error.getMessage()).contains("NoSuchIngestTable")
                || String.valueOf(error.getCause()).contains("NoSuchIngestTable"), String.valueOf(error.getCause()));
    }
}
