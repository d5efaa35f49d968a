package dev.kustospark.spark;

import dev.kustospark.spark.internal.KustoTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientRequestPropertiesTest {
    private static ClientRequestProperties everything() {
        return ClientRequestProperties.builder()
                // set out of canonical order on purpose
                .clientRequestId("my-id")
                .option("zz_custom", "v")
                .option("aa_custom", 7)
                .serverTimeout(Duration.ofMinutes(10))
                .noRequestTimeout(true)
                .noTruncation(false)
                .truncationMaxRecords(500000)
                .truncationMaxSize(67108864)
                .queryDatetimeScopeFrom(Instant.parse("2024-01-02T03:04:05.1234567Z"))
                .queryDatetimeScopeTo(Instant.parse("2024-02-01T00:00:00Z"))
                .queryDatetimeScopeColumn("Timestamp")
                .requestAppName("etl")
                .requestReadonly(true)
                .queryLanguage("KQL")
                .maxMemoryConsumptionPerIterator(5368709120L)
                .maxMemoryConsumptionPerQueryPerNode(8589934592L)
                .queryResultsCacheMaxAge(Duration.ofDays(2).plusHours(3).plusMillis(500))
                .stringParameter("s", "it's \"quoted\" \u00e9\u6f22")
                .longParameter("n", -5)
                .realParameter("r", 1.5)
                .boolParameter("b", true)
                .datetimeParameter("d", Instant.parse("2024-01-02T03:04:05Z"))
                .timespanParameter("t", Duration.ofDays(-1).minusHours(2).minusNanos(100))
                .guidParameter("g", UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
                .dynamicParameter("dyn", "{ \"a\" : [1, 2] }")
                .build();
    }

    private static final String EVERYTHING_JSON = "{\"Options\":{"
            + "\"servertimeout\":\"00:10:00\",\"norequesttimeout\":true,\"notruncation\":false,"
            + "\"truncationmaxrecords\":500000,\"truncationmaxsize\":67108864,"
            + "\"query_datetimescope_from\":\"2024-01-02T03:04:05.1234567Z\","
            + "\"query_datetimescope_to\":\"2024-02-01T00:00:00.0000000Z\",\"query_datetimescope_column\":\"Timestamp\","
            + "\"request_app_name\":\"etl\",\"request_readonly\":true,\"query_language\":\"kql\","
            + "\"maxmemoryconsumptionperiterator\":5368709120,\"max_memory_consumption_per_query_per_node\":8589934592,"
            + "\"query_results_cache_max_age\":\"2.03:00:00.5000000\",\"client_request_id\":\"my-id\","
            + "\"aa_custom\":7,\"zz_custom\":\"v\"},"
            + "\"Parameters\":{\"b\":\"bool(true)\",\"d\":\"datetime(2024-01-02T03:04:05.0000000Z)\","
            + "\"dyn\":\"dynamic({\\\"a\\\":[1,2]})\",\"g\":\"guid(3f2504e0-4f89-11d3-9a0c-0305e82c3301)\","
            + "\"n\":\"long(-5)\",\"r\":\"real(1.5)\",\"s\":\"it's \\\"quoted\\\" \u00e9\u6f22\","
            + "\"t\":\"time(-1.02:00:00.0000001)\"}}";

    @Test
    void canonicalJsonHasFixedOrderAndNoWhitespace() {
        assertEquals(EVERYTHING_JSON, everything().toJson());
        assertEquals("{\"Options\":{},\"Parameters\":{}}", ClientRequestProperties.empty().toJson());
    }

    @Test
    void fromJsonReadsItsOwnJsonBack() {
        assertEquals(everything(), ClientRequestProperties.fromJson(EVERYTHING_JSON));
        assertEquals(EVERYTHING_JSON, ClientRequestProperties.fromJson(EVERYTHING_JSON).toJson());
    }

    @Test
    void roundTripsThroughTheSdk() throws Exception {
        com.microsoft.azure.kusto.data.ClientRequestProperties sdk =
                com.microsoft.azure.kusto.data.ClientRequestProperties.fromString(EVERYTHING_JSON);
        assertEquals(everything(), ClientRequestProperties.fromJson(sdk.toString()));
        assertEquals(true, sdk.getOption("norequesttimeout"));
        assertEquals("long(-5)", sdk.getParameter("n"));
    }

    @Test
    void toSdkCarriesOptionsParametersAndTheRequestId() throws Exception {
        com.microsoft.azure.kusto.data.ClientRequestProperties sdk = everything().toSdk();
        assertEquals("my-id", sdk.getClientRequestId());
        assertEquals("etl", sdk.getOption("request_app_name"));
        assertEquals("datetime(2024-01-02T03:04:05.0000000Z)", sdk.getParameter("d"));
        assertEquals(everything().toBuilder().build(), everything());
    }

    @Test
    void parsesTheEstablishedConnectorsForm() {
        // As notebooks pass it: spaces, the SDK's Options/Parameters, numbers and strings for options.
        ClientRequestProperties p = ClientRequestProperties.fromJson(
                "{ \"Options\": { \"servertimeout\": \"00:59:00\", \"norequesttimeout\": \"true\", \"truncationmaxrecords\": \"10\" },"
                        + " \"Parameters\": { \"p\": \"v\", \"n\": 5, \"x\": 1.25, \"b\": false } }");
        assertEquals("{\"Options\":{\"servertimeout\":\"00:59:00\",\"norequesttimeout\":true,\"truncationmaxrecords\":10},"
                + "\"Parameters\":{\"b\":\"bool(false)\",\"n\":\"long(5)\",\"p\":\"v\",\"x\":\"real(1.25)\"}}", p.toJson());
        assertEquals("{\"Options\":{\"servertimeout\":\"01:00:00\"},\"Parameters\":{}}",
                ClientRequestProperties.fromJson("{\"Options\":{\"servertimeout\":\"1h\"}}").toJson());
        assertEquals("{\"Options\":{\"servertimeout\":\"00:00:01.5000000\"},\"Parameters\":{}}",
                ClientRequestProperties.fromJson("{\"Options\":{\"ServerTimeout\":1500}}").toJson(),
                "a bare number is milliseconds, and known names ignore case");
    }

    @Test
    void timespansAndInstantsInKustosForms() {
        assertEquals("00:00:00.0000001", KustoTimes.timespan(Duration.ofNanos(100), "t"));
        assertEquals("-00:00:01", KustoTimes.timespan(Duration.ofSeconds(-1), "t"));
        assertEquals("10.00:00:00", KustoTimes.timespan(Duration.ofDays(10), "t"));
        assertEquals("-3.04:05:06.7000000", KustoTimes.timespan(Duration.parse("-P3DT4H5M6.7S"), "t"));
        assertEquals(Duration.parse("-P3DT4H5M6.7S"), KustoTimes.parseTimespanOrNull("-3.04:05:06.7"));
        assertEquals(Duration.ofMillis(1500), KustoTimes.parseTimespanOrNull("1.5s"));
        assertEquals("1970-01-01T00:00:00.0000000Z", KustoTimes.instant(Instant.EPOCH, "i"));
        assertEquals("1969-12-31T23:59:59.9999999Z", KustoTimes.instant(Instant.EPOCH.minusNanos(100), "i"));
        assertEquals("timespan parameter 't' is finer than Kusto's 100-nanosecond precision; round it to a multiple of 100 ns (7 fractional digits of a second)"
                .replace("timespan parameter 't'", "parameter t 'PT0.00000005S'"),
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.builder().timespanParameter("t", Duration.ofNanos(50))).getMessage());
    }

    @Test
    void realParametersKeepEveryDigitAndSpecialValues() {
        ClientRequestProperties p = ClientRequestProperties.builder().realParameter("a", 0.1).realParameter("b", 1e300)
                .realParameter("c", Double.NaN).realParameter("d", Double.NEGATIVE_INFINITY).build();
        assertEquals("real(0.1)", p.parameters().get("a"));
        assertEquals("real(1" + "0".repeat(300) + ")", p.parameters().get("b"));
        assertEquals("real(nan)", p.parameters().get("c"));
        assertEquals("real(-inf)", p.parameters().get("d"));
    }

    @Test
    void invalidValuesAreRefusedAtBuildTime() {
        assertEquals("client request property servertimeout must be positive, not 00:00:00",
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.builder().serverTimeout(Duration.ZERO)).getMessage());
        assertEquals("client request property query_language has value 'python'; allowed values: csl, kql, sql",
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.builder().queryLanguage("python")).getMessage());
        assertEquals("client request property truncationmaxrecords must not be negative, not -1",
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.builder().truncationMaxRecords(-1)).getMessage());
        assertEquals("client request property query_datetimescope_from (2024-01-02T00:00:00.0000000Z) is after"
                + " query_datetimescope_to (2024-01-01T00:00:00.0000000Z)",
                assertThrows(IllegalArgumentException.class, () -> ClientRequestProperties.builder()
                        .queryDatetimeScopeFrom(Instant.parse("2024-01-02T00:00:00Z"))
                        .queryDatetimeScopeTo(Instant.parse("2024-01-01T00:00:00Z")).build()).getMessage());
        assertEquals("client request property norequesttimeout has value 'maybe'; allowed values: true, false",
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.fromJson("{\"Options\":{\"norequesttimeout\":\"maybe\"}}")).getMessage());
        assertEquals("query parameter name '1x' is not a valid identifier (letters, digits and '_', not starting with a digit)",
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.builder().longParameter("1x", 1)).getMessage());
        assertEquals("clientRequestPropertiesJson Options.o must be a string, number or boolean, not array",
                assertThrows(IllegalArgumentException.class,
                        () -> ClientRequestProperties.fromJson("{\"Options\":{\"o\":[1]}}")).getMessage());
    }
}
