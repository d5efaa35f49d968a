package dev.kustospark.local.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The raw format: the whole payload is one record of one string field. */
final class RawRowReader implements RowReader {
    private final InputStream body;
    private final ColumnPlan plan;
    private boolean done;

    RawRowReader(InputStream body, ColumnPlan plan) {
        this.body = body;
        this.plan = plan;
    }

    @Override
    public Object[] next() {
        if (done) {
            return null;
        }
        done = true;
        try {
            byte[] bytes = body.readAllBytes();
            return bytes.length == 0 ? null
                    : plan.rowFromFields(List.of(new String(bytes, StandardCharsets.UTF_8)), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {}
}
