package dev.kustospark.spark.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class KustoTypeMappingTest {
    @Test
    void kustoTypesReadAsTheEstablishedConnectorMapsThem() {
        assertEquals(DataTypes.StringType, KustoTypeMapping.toSpark("string"));
        assertEquals(DataTypes.StringType, KustoTypeMapping.toSpark("guid"));
        assertEquals(DataTypes.StringType, KustoTypeMapping.toSpark("timespan"));
        assertEquals(DataTypes.StringType, KustoTypeMapping.toSpark("dynamic"));
        assertEquals(DataTypes.IntegerType, KustoTypeMapping.toSpark("int"));
        assertEquals(DataTypes.LongType, KustoTypeMapping.toSpark("long"));
        assertEquals(DataTypes.BooleanType, KustoTypeMapping.toSpark("bool"));
        assertEquals(DataTypes.DoubleType, KustoTypeMapping.toSpark("real"));
        assertEquals(DataTypes.createDecimalType(38, 18), KustoTypeMapping.toSpark("decimal"));
        assertEquals(DataTypes.TimestampType, KustoTypeMapping.toSpark("datetime"));
        assertEquals(DataTypes.LongType, KustoTypeMapping.toSpark("System.Int64"));
        assertEquals(DataTypes.TimestampType, KustoTypeMapping.toSpark("date"));
    }

    @Test
    void unknownKustoTypeNamesTheTypeAndTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> KustoTypeMapping.toSpark("blob"));
        assertTrue(e.getMessage().contains("'blob'") && e.getMessage().contains("datetime"), e.getMessage());
    }

    @Test
    void sparkTypesWriteAsTheEstablishedConnectorMapsThem() {
        assertEquals("string", KustoTypeMapping.toKusto(DataTypes.StringType));
        assertEquals("string", KustoTypeMapping.toKusto(DataTypes.BinaryType));
        assertEquals("int", KustoTypeMapping.toKusto(DataTypes.IntegerType));
        assertEquals("int", KustoTypeMapping.toKusto(DataTypes.ShortType));
        assertEquals("int", KustoTypeMapping.toKusto(DataTypes.ByteType));
        assertEquals("long", KustoTypeMapping.toKusto(DataTypes.LongType));
        assertEquals("bool", KustoTypeMapping.toKusto(DataTypes.BooleanType));
        assertEquals("real", KustoTypeMapping.toKusto(DataTypes.DoubleType));
        assertEquals("real", KustoTypeMapping.toKusto(DataTypes.FloatType));
        assertEquals("decimal", KustoTypeMapping.toKusto(DataTypes.createDecimalType(10, 2)));
        assertEquals("datetime", KustoTypeMapping.toKusto(DataTypes.TimestampType));
        assertEquals("datetime", KustoTypeMapping.toKusto(DataTypes.TimestampNTZType));
        assertEquals("datetime", KustoTypeMapping.toKusto(DataTypes.DateType));
        assertEquals("dynamic", KustoTypeMapping.toKusto(DataTypes.createArrayType(DataTypes.IntegerType)));
        assertEquals("dynamic", KustoTypeMapping.toKusto(DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType)));
        assertEquals("dynamic", KustoTypeMapping.toKusto(new org.apache.spark.sql.types.StructType().add("a", "int")));
    }

    @Test
    void namesAndStringLiteralsAreEscaped() {
        assertEquals("['where']", KqlSyntax.quoteName("where"));
        assertEquals("['a b']", KqlSyntax.quoteName("a b"));
        assertEquals("['it\\'s']", KqlSyntax.quoteName("it's"));
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001é\"", KqlSyntax.stringLiteral("a\"b\\c\nd\te\u0001é"));
    }

    @Test
    void datetimesPrintInUtcWithSevenDigits() {
        assertEquals("2024-01-02T03:04:05.1234560Z", KustoValueFormats.datetime(Instant.parse("2024-01-02T03:04:05.123456Z")));
        assertEquals("1969-12-31T23:59:59.9999990Z", KustoValueFormats.datetimeFromMicros(-1));
        assertEquals(-1L, KustoValueFormats.parseDatetimeToMicros("1969-12-31T23:59:59.9999990Z"));
        assertEquals("datetime(2024-01-02T00:00:00.0000000Z)", KqlSyntax.datetimeLiteral(Instant.parse("2024-01-02T00:00:00Z")));
    }
    /** The hand-written parse of Kusto's datetime form agrees with {@link Instant#parse} everywhere. */
    @Test
    void datetimeParsingAgreesWithInstantParse() {
        java.util.Random random = new java.util.Random(42);
        List<String> texts = new java.util.ArrayList<>(List.of("0001-01-01T00:00:00.0000000Z",
                "9999-12-31T23:59:59.9999999Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.5Z",
                "1969-12-31T23:59:59.999999999Z", "2000-01-01T00:00:00.123456789Z", "1900-03-01T01:02:03.0000010Z"));
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            String iso = instant.toString();
            int digits = random.nextInt(10);
            String base = iso.substring(0, 19);
            String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
            texts.add(base + (digits == 0 ? "" : "." + fraction) + "Z");
        }
        for (String text : texts) {
            Instant instant = Instant.parse(text);
            long expected = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000L;
            assertEquals(expected, KustoValueFormats.parseDatetimeToMicros(text), text);
        }
        for (String bad : List.of("2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-01-01T00:60:00Z", "2024-01-01T00:00:00.1234567890Z",
                "2024-01-01 00:00:00Z", "2024-01-0aT00:00:00Z", "2024-01-01T00:00:00.12a4Z")) {
            assertThrows(java.time.format.DateTimeParseException.class, () -> KustoValueFormats.parseDatetimeToMicros(bad), bad);
        }
        // Forms outside the fast path still parse as Instant.parse reads them (end of day, offsets).
        assertEquals(Instant.parse("2024-01-02T00:00:00Z").getEpochSecond() * 1_000_000L,
                KustoValueFormats.parseDatetimeToMicros("2024-01-01T24:00:00Z"));
        assertEquals(Instant.parse("2024-01-01T00:00:00+01:00").getEpochSecond() * 1_000_000L,
                KustoValueFormats.parseDatetimeToMicros("2024-01-01T00:00:00+01:00"));
    }
}
