package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.protocol.RequestIds;
import dev.kustospark.local.protocol.ResultCursor;
import dev.kustospark.local.protocol.ResultLimits;
import dev.kustospark.local.protocol.V2ResponseWriter;
import dev.kustospark.local.types.KustoType;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python SDK's two v2 readers (whole-body and streaming) over the writer's output. */
class PythonSdkParsesResponsesTest {
    private static final String SQL = """
            SELECT * FROM (VALUES
              (true, 42, 5000000000::BIGINT, 1.5::DOUBLE, 1.10::DECIMAL(38,18), 'héllo',
               TIMESTAMP '2024-01-02 03:04:05.123456', 864010010001::BIGINT,
               '6f1a3c2e-0000-4000-8000-000000000001'::UUID, '{"a":[1,2]}'::JSON, 1),
              (NULL, NULL, NULL, 'NaN'::DOUBLE, NULL, NULL, NULL, -1728020020002::BIGINT, NULL, NULL, 2))
            ORDER BY 11""";

    private static final List<Column> COLUMNS = List.of(
            new Column("b", KustoType.BOOL), new Column("i", KustoType.INT), new Column("l", KustoType.LONG),
            new Column("r", KustoType.REAL), new Column("d", KustoType.DECIMAL), new Column("s", KustoType.STRING),
            new Column("t", KustoType.DATETIME), new Column("ts", KustoType.TIMESPAN), new Column("g", KustoType.GUID),
            new Column("dyn", KustoType.DYNAMIC), new Column("ord", KustoType.INT));

    private static final String SCRIPT = """
            import sys, json, io
            from azure.kusto.data.response import KustoResponseDataSetV2, KustoStreamingResponseDataSet
            from azure.kusto.data.streaming_response import JsonTokenReader, StreamingDataSetEnumerator
            from azure.kusto.data.exceptions import KustoMultiApiError
            full, truncated = sys.argv[1].split(",")
            def show(rows):
                for row in rows:
                    print("|".join(repr(row[i]) for i in range(11)))
            with open(full, encoding="utf-8") as f:
                data = KustoResponseDataSetV2(json.load(f))
            print("errors", data.errors_count)
            show(data.primary_results[0].rows)
            with open(full, "rb") as f:
                streamed = KustoStreamingResponseDataSet(StreamingDataSetEnumerator(JsonTokenReader(f)))
                for table in streamed.iter_primary_results():
                    print("streamed", len(list(table)))
            try:
                with open(truncated, encoding="utf-8") as f:
                    KustoResponseDataSetV2(json.load(f))
                print("truncated: no error")
            except KustoMultiApiError as e:
                print("truncated:", e.get_api_errors()[0].code)
            try:
                with open(truncated, "rb") as f:
                    streamed = KustoStreamingResponseDataSet(StreamingDataSetEnumerator(JsonTokenReader(f)))
                    for table in streamed.iter_primary_results():
                        for row in table:
                            pass
                print("streamed truncated: no error")
            except KustoMultiApiError as e:
                print("streamed truncated:", e.get_api_errors()[0].code)
            """;

    @Test
    void bothReadersParseEveryTypeAndRaiseOnTruncation(@TempDir Path dir) throws Exception {
        Path python = PythonSdk.interpreter();
        assumeTrue(python != null, "no Python with azure-kusto-data (scripts/python-env.sh creates one)");
        Path full = dir.resolve("full.json");
        Path truncated = dir.resolve("truncated.json");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            RequestIds ids = RequestIds.forRequest("crid");
            try (OutputStream out = Files.newOutputStream(full)) {
                new V2ResponseWriter(ids, ResultLimits.DEFAULT, null)
                        .write(out, List.of(ResultCursor.of(new SqlResult("PrimaryResult", COLUMNS, SQL, List.of()), c, null)));
            }
            try (OutputStream out = Files.newOutputStream(truncated)) {
                new V2ResponseWriter(ids, new ResultLimits(1, Long.MAX_VALUE), null)
                        .write(out, List.of(ResultCursor.of(new SqlResult("PrimaryResult", COLUMNS, SQL, List.of()), c, null)));
            }
        }
        String out = PythonSdk.run(python, SCRIPT, full + "," + truncated);
        List<String> lines = out.lines().toList();
        assertEquals("errors 0", lines.get(0), out);
        assertEquals("True|42|5000000000|1.5|Decimal('1.1')|'héllo'|"
                + "datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=tzutc())|"
                + "datetime.timedelta(days=1, seconds=1, microseconds=1000)|'6f1a3c2e-0000-4000-8000-000000000001'|"
                + "{'a': [1, 2]}|1", lines.get(1), out);
        // NaN stays the string the service sends (the SDK's pandas helper maps it); Python keeps microseconds.
        assertEquals("None|None|None|'NaN'|None|''|None|datetime.timedelta(days=-3, seconds=86397, microseconds=998000)|None|None|2",
                lines.get(2), out);
        assertEquals("streamed 2", lines.get(3), out);
        assertEquals("truncated: LimitsExceeded", lines.get(4), out);
        assertEquals("streamed truncated: LimitsExceeded", lines.get(5), out);
    }
}
