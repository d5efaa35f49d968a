package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkIngestionPropertiesTest {
    @Test
    void canonicalJsonHasFixedOrderOnlySetFieldsAndNoWhitespace() {
        SparkIngestionProperties p = SparkIngestionProperties.builder()
                .csvMapping(List.of(CsvColumnMapping.ofOrdinal("ColA", 0),
                        CsvColumnMapping.ofOrdinal("ColB", 1).withDataType("datetime"),
                        CsvColumnMapping.ofConstant("Source", "spark")))
                .creationTime(Instant.parse("2024-01-02T03:04:05.1234567Z"))
                .ingestIfNotExists(List.of("batch-1"))
                .additionalTags(List.of("t\u00e9st", "\u6f22\u5b57", "emoji\ud83d\ude00"))
                .ingestByTags(List.of("batch-1"))
                .dropByTags(List.of())
                .flushImmediately(true)
                .build();
        assertEquals("{\"flushImmediately\":true,\"dropByTags\":[],\"ingestByTags\":[\"batch-1\"],"
                + "\"additionalTags\":[\"t\u00e9st\",\"\u6f22\u5b57\",\"emoji\ud83d\ude00\"],\"ingestIfNotExists\":[\"batch-1\"],"
                + "\"creationTime\":\"2024-01-02T03:04:05.1234567Z\","
                + "\"csvMapping\":\"[{\\\"Name\\\":\\\"ColA\\\",\\\"Ordinal\\\":0},"
                + "{\\\"Name\\\":\\\"ColB\\\",\\\"DataType\\\":\\\"datetime\\\",\\\"Ordinal\\\":1},"
                + "{\\\"Name\\\":\\\"Source\\\",\\\"ConstValue\\\":\\\"spark\\\"}]\"}", p.toJson());
        assertEquals(p, SparkIngestionProperties.fromJson(p.toJson()));
        assertEquals("{}", SparkIngestionProperties.empty().toJson());
    }

    @Test
    void emptyListsAndAbsentListsStayDistinct() {
        SparkIngestionProperties empty = SparkIngestionProperties.builder().ingestByTags(List.of()).build();
        assertEquals("{\"ingestByTags\":[]}", empty.toJson());
        assertEquals(Optional.of(List.of()), SparkIngestionProperties.fromJson(empty.toJson()).ingestByTags());
        assertEquals(Optional.empty(), SparkIngestionProperties.fromJson("{}").ingestByTags());
        assertEquals(Optional.empty(), SparkIngestionProperties.fromJson("{\"ingestByTags\":null}").ingestByTags());
        assertEquals(List.of(), empty.fieldsUnsupportedByStreaming(), "an empty tag list asks for nothing");
    }

    @Test
    void parsesTheEstablishedConnectorsPrettyPrintedJson() {
        String established = "{\n"
                + "  \"flushImmediately\" : false,\n"
                + "  \"dropByTags\" : null,\n"
                + "  \"ingestByTags\" : [ \"tag1\" ],\n"
                + "  \"additionalTags\" : [ \"a\", \"b\" ],\n"
                + "  \"ingestIfNotExists\" : null,\n"
                + "  \"creationTime\" : 1704164645.123000000,\n"
                + "  \"csvMapping\" : \"[{\\\"Name\\\":\\\"ColA\\\",\\\"Ordinal\\\":0},{\\\"Name\\\":\\\"ColB\\\",\\\"Ordinal\\\":\\\"1\\\"}]\",\n"
                + "  \"csvMappingNameReference\" : null\n"
                + "}";
        SparkIngestionProperties p = SparkIngestionProperties.fromJson(established);
        assertEquals(Optional.of(Instant.parse("2024-01-02T03:04:05.123Z")), p.creationTime());
        assertEquals(Optional.of(List.of(CsvColumnMapping.ofOrdinal("ColA", 0), CsvColumnMapping.ofOrdinal("ColB", 1))),
                p.csvMapping());
        assertEquals("{\"ingestByTags\":[\"tag1\"],\"additionalTags\":[\"a\",\"b\"],"
                + "\"creationTime\":\"2024-01-02T03:04:05.1230000Z\","
                + "\"csvMapping\":\"[{\\\"Name\\\":\\\"ColA\\\",\\\"Ordinal\\\":0},{\\\"Name\\\":\\\"ColB\\\",\\\"Ordinal\\\":1}]\"}",
                p.toJson());
    }

    @Test
    void creationTimeAcceptsEpochSecondsAndIsoAtTickPrecision() {
        assertEquals(Instant.parse("2024-01-02T03:04:05.1234567Z"), SparkIngestionProperties
                .fromJson("{\"creationTime\":\"1704164645.1234567\"}").creationTime().orElseThrow());
        assertEquals(Instant.parse("2024-01-02T03:04:05.1234567Z"), SparkIngestionProperties
                .fromJson("{\"creationTime\":1704164645.123456700}").creationTime().orElseThrow());
        assertEquals(Instant.parse("2024-01-02T01:04:05Z"), SparkIngestionProperties
                .fromJson("{\"creationTime\":\"2024-01-02T03:04:05+02:00\"}").creationTime().orElseThrow());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), SparkIngestionProperties
                .fromJson("{\"creationTime\":\"2024-01-02T03:04:05\"}").creationTime().orElseThrow(), "no zone means UTC");
        assertEquals("creationTime '2024-01-02T03:04:05.123456789Z' is finer than Kusto's 100-nanosecond precision;"
                + " round it to a multiple of 100 ns (7 fractional digits of a second)",
                assertThrows(IllegalArgumentException.class, () -> SparkIngestionProperties.builder()
                        .creationTime(Instant.parse("2024-01-02T03:04:05.123456789Z"))).getMessage());
        assertEquals("sparkIngestionPropertiesJson field creationTime has value \"yesterday\"; expected an ISO-8601 instant"
                + " such as 2024-01-02T03:04:05.1234567Z or decimal epoch seconds such as 1704164645.123000000",
                assertThrows(IllegalArgumentException.class,
                        () -> SparkIngestionProperties.fromJson("{\"creationTime\":\"yesterday\"}")).getMessage());
    }

    @Test
    void csvMappingAcceptsTheNewerFormAndAnArray() {
        SparkIngestionProperties p = SparkIngestionProperties.fromJson("{\"csvMapping\":[{\"Column\":\"A\",\"DataType\":\"long\","
                + "\"Properties\":{\"Ordinal\":\"3\"}},{\"Column\":\"B\",\"Properties\":{\"ConstValue\":\"x\"}}]}");
        assertEquals(List.of(CsvColumnMapping.ofOrdinal("A", 3).withDataType("long"), CsvColumnMapping.ofConstant("B", "x")),
                p.csvMapping().orElseThrow());
        assertEquals(Optional.of("[{\"Name\":\"A\",\"DataType\":\"long\",\"Ordinal\":3},{\"Name\":\"B\",\"ConstValue\":\"x\"}]"),
                p.csvMappingJson());
    }

    @Test
    void unknownFieldsAndBadValuesAreNamed() {
        assertEquals("sparkIngestionPropertiesJson has an unknown field 'flushImmediatly'; allowed fields: flushImmediately,"
                + " dropByTags, ingestByTags, additionalTags, ingestIfNotExists, creationTime, csvMapping, csvMappingNameReference",
                assertThrows(IllegalArgumentException.class,
                        () -> SparkIngestionProperties.fromJson("{\"flushImmediatly\":true}")).getMessage());
        assertEquals("sparkIngestionPropertiesJson field ingestByTags must be a JSON array of strings such as [\"tag1\"], not string",
                assertThrows(IllegalArgumentException.class,
                        () -> SparkIngestionProperties.fromJson("{\"ingestByTags\":\"tag1\"}")).getMessage());
        assertEquals("csvMapping entry 0 has an unknown field 'Nmae'; allowed: Name, DataType, Ordinal, ConstValue (or Column, DataType, Properties)",
                assertThrows(IllegalArgumentException.class,
                        () -> SparkIngestionProperties.fromJson("{\"csvMapping\":\"[{\\\"Nmae\\\":\\\"A\\\"}]\"}")).getMessage());
        assertEquals("csvMapping entry 0 (column 'A') needs exactly one of Ordinal and ConstValue",
                assertThrows(IllegalArgumentException.class,
                        () -> SparkIngestionProperties.fromJson("{\"csvMapping\":[{\"Name\":\"A\"}]}")).getMessage());
        assertEquals("sparkIngestionProperties: set csvMapping or csvMappingNameReference, not both",
                assertThrows(IllegalArgumentException.class, () -> SparkIngestionProperties.builder()
                        .csvMapping(List.of(CsvColumnMapping.ofOrdinal("A", 0))).csvMappingNameReference("m").build()).getMessage());
        assertEquals("csvMapping maps column 'A' twice",
                assertThrows(IllegalArgumentException.class, () -> SparkIngestionProperties.builder()
                        .csvMapping(List.of(CsvColumnMapping.ofOrdinal("A", 0), CsvColumnMapping.ofOrdinal("A", 1))).build()).getMessage());
        assertEquals("csvMapping column 'A' has Ordinal -1; expected a whole number >= 0",
                assertThrows(IllegalArgumentException.class, () -> CsvColumnMapping.ofOrdinal("A", -1)).getMessage());
    }
}
