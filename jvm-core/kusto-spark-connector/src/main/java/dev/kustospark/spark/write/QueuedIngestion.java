package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.ingest.ColumnMapping;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.source.BlobSourceInfo;
import com.microsoft.azure.kusto.ingest.source.CompressionType;
import com.microsoft.azure.kusto.ingest.source.FileSourceInfo;
import dev.kustospark.spark.CsvColumnMapping;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.client.ClientLease;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.QueryRetry;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KustoValueFormats;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands gzipped CSV files to the SDK's QueuedIngestClient, which uploads each to a temporary
 * container of the cluster's ingestion resources and queues it. Every file gets its own source id,
 * under which the service reports its outcome in the status table. The extra tag marks the extents of
 * one task attempt, so that the commit moves only the attempts Spark committed.
 */
final class QueuedIngestion implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 500;

    private final ConnectionConfig connection;
    private final String table;
    private final SparkIngestionProperties properties;
    private final boolean reportStatus;
    private final IngestionStorage storage;
    private final boolean flushFullBlobs;
    private final String batchTag;

    /**
     * @param table          the table the blobs are ingested into (the temporary table of a transactional write)
     * @param reportStatus   whether the service records each blob's outcome in the status table
     * @param storage        the user's containers ({@code kustoIngestionStorageContainer}), or null for the cluster's
     * @param flushFullBlobs whether blobs sealed at the size limit skip the table's batching ({@code flushImmediately})
     */
    QueuedIngestion(ConnectionConfig connection, String table, SparkIngestionProperties properties, boolean reportStatus,
            IngestionStorage storage, boolean flushFullBlobs) {
        this(connection, table, properties, reportStatus, storage, flushFullBlobs, null);
    }

    private QueuedIngestion(ConnectionConfig connection, String table, SparkIngestionProperties properties,
            boolean reportStatus, IngestionStorage storage, boolean flushFullBlobs, String batchTag) {
        this.connection = connection;
        this.table = table;
        this.properties = properties;
        this.reportStatus = reportStatus;
        this.storage = storage;
        this.flushFullBlobs = flushFullBlobs;
        this.batchTag = batchTag;
    }

    /**
     * The same ingestion (same table, properties and storage) whose extents also carry
     * {@code ingest-by:<batchTag>}: the streaming sink records each micro-batch's id with its data
     * this way, so a replayed batch can be recognised.
     */
    QueuedIngestion withIngestByTag(String batchTag) {
        return new QueuedIngestion(connection, table, properties, reportStatus, storage, flushFullBlobs, batchTag);
    }

    String table() {
        return table;
    }

    ConnectionConfig connection() {
        return connection;
    }

    /**
     * Queues one gzipped CSV file of partition {@code partitionId}; returns its source id.
     *
     * @param full whether the file was sealed at the size limit (rather than being the task's last)
     */
    UUID ingest(Path gzippedCsv, int partitionId, String attemptTag, String what, boolean full) {
        UUID sourceId = UUID.randomUUID();
        IngestionProperties sdk = sdkProperties(attemptTag, full);
        return QueryRetry.call("Queued ingestion into table '" + table + "' (" + what + ")", MAX_ATTEMPTS,
                FIRST_BACKOFF_MILLIS, () -> {
                    if (storage == null) {
                        FileSourceInfo source = new FileSourceInfo(gzippedCsv.toString(), sourceId);
                        try (ClientLease<QueuedIngestClient> client = KustoClients.queuedIngestClient(connection)) {
                            client.client().ingestFromFile(source, sdk);
                        }
                    } else {
                        String blob = storage.upload(gzippedCsv, connection.database() + "__" + table + "__" + sourceId
                                + ".csv.gz", partitionId);
                        try (ClientLease<QueuedIngestClient> client = KustoClients.queuedIngestClient(connection)) {
                            client.client().ingestFromBlob(new BlobSourceInfo(blob, CompressionType.gz, sourceId), sdk);
                        }
                    }
                    return sourceId;
                }, (last, attempts) -> KustoConnectorException.of("Queued ingestion into table '" + table + "' (" + what
                        + ", attempt " + attempts + ")", last));
    }

    IngestionProperties sdkProperties(String attemptTag, boolean full) {
        IngestionProperties p = new IngestionProperties(connection.database(), table);
        p.setDataFormat(IngestionProperties.DataFormat.CSV);
        // A full blob holds as much as the batching policy would gather; waiting for more only delays it.
        p.setFlushImmediately(properties.flushImmediately() || (full && flushFullBlobs));
        if (reportStatus) {
            p.setReportMethod(IngestionProperties.IngestionReportMethod.TABLE);
            p.setReportLevel(IngestionProperties.IngestionReportLevel.FAILURES_AND_SUCCESSES);
        } else {
            p.setReportLevel(IngestionProperties.IngestionReportLevel.FAILURES_ONLY);
        }
        properties.dropByTags().ifPresent(p::setDropByTags);
        List<String> ingestBy = new ArrayList<>(properties.ingestByTags().orElse(List.of()));
        if (batchTag != null) {
            ingestBy.add(batchTag);
        }
        if (!ingestBy.isEmpty()) {
            p.setIngestByTags(ingestBy);
        }
        properties.ingestIfNotExists().ifPresent(p::setIngestIfNotExists);
        List<String> additional = new ArrayList<>(properties.additionalTags().orElse(List.of()));
        if (attemptTag != null) {
            additional.add(attemptTag);
        }
        if (!additional.isEmpty()) {
            p.setAdditionalTags(additional);
        }
        Map<String, String> extra = new HashMap<>();
        properties.creationTime().ifPresent(t -> extra.put("creationTime", KustoValueFormats.datetime(t)));
        if (!extra.isEmpty()) {
            p.setAdditionalProperties(extra);
        }
        if (properties.csvMapping().isPresent()) {
            p.setIngestionMapping(columnMappings(properties.csvMapping().get()), IngestionMapping.IngestionMappingKind.CSV);
        } else if (properties.csvMappingNameReference().isPresent()) {
            p.setIngestionMapping(properties.csvMappingNameReference().get(), IngestionMapping.IngestionMappingKind.CSV);
        }
        return p;
    }

    private static ColumnMapping[] columnMappings(List<CsvColumnMapping> mapping) {
        ColumnMapping[] columns = new ColumnMapping[mapping.size()];
        for (int i = 0; i < columns.length; i++) {
            CsvColumnMapping m = mapping.get(i);
            ColumnMapping c = new ColumnMapping(m.name(), m.dataType().orElse(null));
            if (m.ordinal().isPresent()) {
                c.setOrdinal(m.ordinal().getAsInt());
            }
            m.constValue().ifPresent(c::setConstantValue);
            columns[i] = c;
        }
        return columns;
    }
}
