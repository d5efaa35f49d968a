package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kustospark.local.KustoLocal;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming ingestion, queries (whole and streamed), commands and errors with the official Python SDK. */
class PythonSdkEndToEndTest {
    private static final String SCRIPT = """
            import io, sys
            from azure.kusto.data import KustoClient, KustoConnectionStringBuilder, ClientRequestProperties
            from azure.kusto.data.data_format import DataFormat
            from azure.kusto.data.exceptions import KustoApiError, KustoMultiApiError
            from azure.kusto.ingest import KustoStreamingIngestClient, IngestionProperties
            url = sys.argv[1]
            kcsb = KustoConnectionStringBuilder.with_no_authentication(url)
            ingest = KustoStreamingIngestClient(kcsb)
            ingest.ingest_from_stream(io.BytesIO(b"1,alpha,1.5\\n2,beta,2\\n3,,\\n"),
                                      IngestionProperties(database="db1", table="T", data_format=DataFormat.CSV))
            client = KustoClient(kcsb)
            rows = client.execute_query("db1", "T | order by Id asc").primary_results[0]
            print("query", [(r["Id"], r["Name"], r["Score"]) for r in rows])
            streamed = client.execute_streaming_query("db1", "T | order by Id asc | project Id")
            print("streamed", [r[0] for r in next(streamed.iter_primary_results())])
            shown = client.execute_mgmt("db1", ".show tables").primary_results[0]
            print("show tables", [r["TableName"] for r in shown])
            mgmt = client.execute_mgmt("db1", "T | count").primary_results[0]
            print("mgmt-as-query", mgmt[0][0])
            properties = ClientRequestProperties()
            properties.set_option("truncationmaxrecords", 2)
            try:
                client.execute_query("db1", "T", properties)
                print("truncation: no error")
            except KustoMultiApiError as e:
                print("truncation", e.get_api_errors()[0].code)
            properties = ClientRequestProperties()
            properties.set_parameter("lo", 2)
            rows = client.execute_query("db1", "declare query_parameters(lo:long); T | where Id >= lo | count", properties)
            print("parameter", rows.primary_results[0][0][0])
            try:
                client.execute_query("db1", "NoSuchTable")
            except KustoApiError as e:
                print("error", e.get_api_error().code, "NoSuchTable" in e.get_api_error().description)
            """;

    @Test
    void pythonSdkIngestsQueriesAndSeesErrors() throws Exception {
        Path python = PythonSdk.interpreter();
        assumeTrue(python != null, "no Python with azure-kusto-data (scripts/python-env.sh creates one)");
        try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1").start()) {
            kusto.catalog().createTable("db1", "T", List.of(new Column("Id", KustoType.LONG),
                    new Column("Name", KustoType.STRING), new Column("Score", KustoType.REAL)), null, null);
            List<String> lines = PythonSdk.run(python, SCRIPT, kusto.url()).lines().toList();
            assertEquals(List.of(
                    "query [(1, 'alpha', 1.5), (2, 'beta', 2.0), (3, '', None)]",
                    "streamed [1, 2, 3]",
                    "show tables ['T']",
                    "mgmt-as-query 3",
                    "truncation LimitsExceeded",
                    "parameter 2",
                    "error General_BadRequest True"), lines);
        }
    }
}
