package dev.kustospark.local.ingest;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Rows of csv, tsv, tsve, scsv, sohsv, psv and txt payloads (UTF-8). */
final class DelimitedRowReader implements RowReader {
    private final DelimitedParser parser;
    private final ColumnPlan plan;
    private boolean skipFirst;

    DelimitedRowReader(DataFormat format, InputStream body, ColumnPlan plan, boolean ignoreFirstRecord) {
        InputStreamReader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.parser = DelimitedParser.forFormat(format, reader);
        this.plan = plan;
        this.skipFirst = ignoreFirstRecord;
    }

    @Override
    public Object[] next() {
        List<String> fields = parser.next();
        if (fields != null && skipFirst) {
            skipFirst = false;
            fields = parser.next();
        }
        return fields == null ? null : plan.rowFromFields(fields, parser.recordLine());
    }

    @Override
    public void close() {}
}
