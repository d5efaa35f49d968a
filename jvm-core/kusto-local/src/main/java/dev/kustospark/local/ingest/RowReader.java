package dev.kustospark.local.ingest;

import java.io.InputStream;

/** Rows of a payload, in table column order, one record at a time. */
interface RowReader extends AutoCloseable {
    /** The next row (a new array the caller may keep), or {@code null} when the payload is exhausted. */
    Object[] next();

    @Override
    void close();

    /** A reader of {@code body} (already decompressed) in {@code format}. */
    static RowReader open(DataFormat format, InputStream body, ColumnPlan plan, boolean ignoreFirstRecord) {
        if (format == DataFormat.RAW) {
            return new RawRowReader(body, plan);
        }
        if (format.isTextLines()) {
            return new DelimitedRowReader(format, body, plan, ignoreFirstRecord);
        }
        if (format.isJson()) {
            return new JsonRowReader(format, body, plan);
        }
        return new ParquetRowReader(body, plan);
    }
}
