package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedParserTest {
    private static List<List<String>> parse(DataFormat format, String text) {
        DelimitedParser parser = DelimitedParser.forFormat(format, new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = parser.next(); r != null; r = parser.next()) {
            records.add(List.copyOf(r));
        }
        return records;
    }

    @Test
    void splitsPlainCsvRecordsOnLfAndCrlf() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3")), parse(DataFormat.CSV, "a,b,c\r\n1,,3\n"));
        assertEquals(List.of(List.of("x")), parse(DataFormat.CSV, "x"));
    }

    @Test
    void keepsEmptyTrailingField() {
        assertEquals(List.of(List.of("a", ""), List.of("", "")), parse(DataFormat.CSV, "a,\n,\n"));
    }

    @Test
    void readsQuotedFieldsWithSeparatorsDoubledQuotesAndLineBreaks() {
        String csv = "\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\n\"\",plain\n";
        assertEquals(List.of(List.of("a,b", "say \"hi\"", "line1\nline2\r\nline3"), List.of("", "plain")),
                parse(DataFormat.CSV, csv));
    }

    @Test
    void quotesOnlyCountAtTheStartOfAField() {
        assertEquals(List.of(List.of("ab\"c", "d")), parse(DataFormat.CSV, "ab\"c,d\n"));
    }

    @Test
    void blankLinesAreRecordsOfOneEmptyFieldAndTheByteOrderMarkIsDropped() {
        assertEquals(List.of(List.of("1"), List.of(""), List.of(""), List.of("2")),
                parse(DataFormat.CSV, "\uFEFF1\n\n\r\n2\n"));
        assertEquals(List.of(List.of("a")), parse(DataFormat.CSV, "a\r\n"));
    }

    @Test
    void unterminatedQuoteIsABadRequestNamingTheLine() {
        KustoException e = assertThrows(KustoException.class, () -> parse(DataFormat.CSV, "a,b\n1,\"open\n2,3\n"));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("Stream_ClosingQuoteMissing"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void otherSeparators() {
        assertEquals(List.of(List.of("a", "b,c")), parse(DataFormat.TSV, "a\tb,c\n"));
        assertEquals(List.of(List.of("a", "b")), parse(DataFormat.SCSV, "a;b\n"));
        assertEquals(List.of(List.of("a", "b")), parse(DataFormat.PSV, "a|b\n"));
        assertEquals(List.of(List.of("a", "b")), parse(DataFormat.SOHSV, "a\u0001b\n"));
        assertEquals(List.of(List.of("a;b", "c")), parse(DataFormat.SCSV, "\"a;b\";c\n"));
    }

    @Test
    void tsveUnescapesBackslashSequences() {
        assertEquals(List.of(List.of("a\tb", "c\nd", "e\\f", "x")), parse(DataFormat.TSVE, "a\\tb\tc\\nd\te\\\\f\tx\n"));
        // tsv keeps backslashes literally
        assertEquals(List.of(List.of("a\\tb")), parse(DataFormat.TSV, "a\\tb\n"));
    }

    @Test
    void txtTakesWholeLinesLiterally() {
        assertEquals(List.of(List.of("a,\"b\"\tc"), List.of("second")), parse(DataFormat.TXT, "a,\"b\"\tc\r\n\nsecond"));
    }

    @Test
    void fieldsSpanningTheReadBuffer() {
        StringBuilder sb = new StringBuilder();
        String longField = "x".repeat(70_000);
        sb.append("1,").append(longField).append(",\"").append(longField).append("\"\n2,y,z\n");
        List<List<String>> records = parse(DataFormat.CSV, sb.toString());
        assertEquals(2, records.size());
        assertEquals(longField, records.get(0).get(1));
        assertEquals(longField, records.get(0).get(2));
        assertEquals(List.of("2", "y", "z"), records.get(1));
    }

    @Test
    void doubledQuoteSplitByTheReadBuffer() {
        String xs = "x".repeat(65_534);
        List<List<String>> records = parse(DataFormat.CSV, "\"" + xs + "\"\"y\",z\n");
        assertEquals(List.of(List.of(xs + "\"y", "z")), records);
    }

    @Test
    void reportsLineNumbersOfRecords() {
        DelimitedParser parser = DelimitedParser.forFormat(DataFormat.CSV, new StringReader("a\n\"b\nb\"\nc\n"));
        parser.next();
        assertEquals(1, parser.recordLine());
        parser.next();
        assertEquals(2, parser.recordLine());
        parser.next();
        assertEquals(4, parser.recordLine());
        assertNull(parser.next());
        assertEquals(3, parser.recordCount());
    }
}
