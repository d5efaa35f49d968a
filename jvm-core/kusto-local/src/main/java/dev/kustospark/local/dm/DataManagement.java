package dev.kustospark.local.dm;

import com.azure.storage.blob.models.BlobStorageException;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.mgmt.CommandExtension;
import dev.kustospark.local.storage.Catalog;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * kusto-local's data-management role on Azure Storage (Azurite): its own Azurite child process or
 * one given by URL, the queued-ingestion worker, and the commands that hand out storage and export
 * into it.
 */
public final class DataManagement implements AutoCloseable {
    /** Blobs ingested at once: enough for a few writers, few enough for a small machine. */
    private static final int INGESTION_THREADS = 2;

    private final AzuriteProcess azurite;
    private final StorageAccess storage;
    private final DataManagementCommands commands;
    private final QueuedIngestionWorker worker;

    private DataManagement(AzuriteProcess azurite, StorageAccess storage, DataManagementCommands commands,
            QueuedIngestionWorker worker) {
        this.azurite = azurite;
        this.storage = storage;
        this.commands = commands;
        this.worker = worker;
    }

    /**
     * Starts Azurite from {@code azuriteHome} (null: {@link AzuriteProcess#locateHome()}), or uses the
     * one {@code azuriteUrl} names (see {@link StorageEndpoints#parse}), and starts the ingestion worker.
     */
    public static DataManagement start(Catalog catalog, Ingestor ingestor, String azuriteUrl, Path azuriteHome,
            FaultInjection faults) {
        AzuriteProcess azurite = null;
        StorageEndpoints endpoints;
        if (azuriteUrl != null) {
            endpoints = StorageEndpoints.parse(azuriteUrl);
            AzuriteProcess.awaitHttp(endpoints);
        } else {
            azurite = AzuriteProcess.start(azuriteHome != null ? azuriteHome : AzuriteProcess.locateHome());
            endpoints = azurite.endpoints();
        }
        try {
            StorageAccess storage = new StorageAccess(endpoints);
            storage.createResources();
            IngestionFailures failures = new IngestionFailures();
            FaultInjection injected = faults == null ? FaultInjection.NONE : faults;
            DataManagementCommands commands = new DataManagementCommands(storage, catalog, failures, injected);
            QueuedIngestionWorker worker = new QueuedIngestionWorker(storage, ingestor, failures, injected,
                    INGESTION_THREADS);
            return new DataManagement(azurite, storage, commands, worker);
        } catch (RuntimeException e) {
            if (azurite != null) {
                azurite.close();
            }
            throw e;
        }
    }

    /**
     * The commands of a kusto-local without storage: those that need it fail at once saying how to
     * turn storage on ({@link dev.kustospark.local.KustoException#storageOff}).
     */
    public static CommandExtension storageOffCommands() {
        return new StorageOffCommands();
    }

    public CommandExtension commands() {
        return commands;
    }

    /** The storage endpoints in use (path-style, account devstoreaccount1). */
    public StorageEndpoints endpoints() {
        return storage.endpoints();
    }

    /**
     * Opens a blob of the emulated account for reading: its URL with a SAS, or without one (then read
     * with the account key), in path style or as {@code devstoreaccount1.blob.core.windows.net}.
     *
     * @throws KustoException naming the blob without its SAS when storage refuses or lacks it
     */
    public InputStream openBlob(String url) {
        try {
            return storage.blob(url).openInputStream();
        } catch (BlobStorageException e) {
            throw KustoException.storageError(e.getStatusCode(), "The blob " + StorageAccess.withoutSecrets(url)
                    + " could not be read (HTTP " + e.getStatusCode() + ").");
        }
    }

    /** An Azure Storage connection string for the emulated account, for clients and tests. */
    public String connectionString() {
        StorageEndpoints e = storage.endpoints();
        return "DefaultEndpointsProtocol=http;AccountName=" + StorageEndpoints.ACCOUNT + ";AccountKey="
                + StorageEndpoints.ACCOUNT_KEY + ";BlobEndpoint=" + e.blob() + ";QueueEndpoint=" + e.queue()
                + ";TableEndpoint=" + e.table() + ";";
    }

    @Override
    public void close() {
        try {
            worker.close();
            commands.close();
        } finally {
            if (azurite != null) {
                azurite.close();
            }
        }
    }
}
