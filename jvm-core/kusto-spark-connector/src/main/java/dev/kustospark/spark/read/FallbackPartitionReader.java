package dev.kustospark.spark.read;

import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KustoColumn;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single mode that falls back to an export. Kusto reports its result limits
 * (E_QUERY_RESULT_SET_TOO_LARGE, LimitsExceeded) after the rows that fit, so the rows are held back
 * until the response is complete, up to {@link #MAX_HELD_ROWS}: if the limit error comes first, the
 * held rows are dropped, the query is exported, and the export's files are read instead, in this
 * task. Past that many rows the read streams on and can no longer fall back; a limit error then
 * fails the read as in single mode.
 */
final class FallbackPartitionReader implements PartitionReader<InternalRow> {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackPartitionReader.class);
    static final int MAX_HELD_ROWS = 100_000;

    private final FallbackInputPartition partition;
    private final StructType schema;
    private final List<KustoColumn> columns;
    private final KustoPartitionReader single;
    private final Deque<InternalRow> held = new ArrayDeque<>();
    private boolean streaming;
    private boolean singleDone;
    private ParquetBlobReader exported;
    private List<ExportedBlob> exportedBlobs;
    private InternalRow current;

    /** @param columns the read schema's columns with their Kusto types, which decoding the export needs */
    FallbackPartitionReader(ConnectionConfig connection, FallbackInputPartition partition, StructType schema,
            List<KustoColumn> columns) {
        this.partition = partition;
        this.schema = schema;
        this.columns = columns;
        this.single = new KustoPartitionReader(connection, partition.single(), schema, false);
    }

    @Override
    public boolean next() throws IOException {
        if (exported != null) {
            if (exported.next()) {
                current = exported.get();
                return true;
            }
            return false;
        }
        if (!streaming && !singleDone) {
            try {
                while (held.size() < MAX_HELD_ROWS && single.next()) {
                    held.add(single.get().copy());
                }
                if (held.size() < MAX_HELD_ROWS) {
                    singleDone = true;
                } else {
                    streaming = true;
                }
            } catch (RuntimeException e) {
                if (!hitsResultLimits(e)) {
                    throw e;
                }
                held.clear();
                single.close();
                fallBack(e);
                return next();
            }
        }
        if (!held.isEmpty()) {
            current = held.poll();
            return true;
        }
        if (streaming && single.next()) {
            current = single.get();
            return true;
        }
        return false;
    }

    private void fallBack(RuntimeException cause) {
        String query = partition.single().query();
        LOG.warn("The single-mode query hit Kusto's result limits ({}); falling back to an export to {}",
                dev.kustospark.spark.KustoConnectorException.kustoMessage(cause), partition.export().locations());
        exportedBlobs = partition.export().run(query);
        exported = new ParquetBlobReader(new DistributedInputPartition(partition.single().index(), exportedBlobs), schema, columns);
    }

    /** Whether Kusto stopped the query at its result limits (records or size), anywhere in the cause chain. */
    static boolean hitsResultLimits(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("E_QUERY_RESULT_SET_TOO_LARGE") || message.contains("LimitsExceeded")
                    || message.contains("80DA0003"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        try {
            single.close();
            if (exported != null) {
                exported.close();
            }
        } finally {
            // The fallback's export belongs to this task alone: nothing else can read it again.
            if (exportedBlobs != null) {
                KustoExport.delete(exportedBlobs);
                exportedBlobs = null;
            }
        }
    }
}
