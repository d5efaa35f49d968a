package dev.kustospark.local.dm;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableClientBuilder;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import dev.kustospark.local.KustoException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Clients of the emulated storage account, the containers, queues and table that queued ingestion
 * uses, and the SAS that hands them to the SDKs.
 *
 * <p>Blob URLs that name the account virtual-host style, as the Spark connector writes them
 * ({@code https://devstoreaccount1.blob.core.windows.net/container}), are mapped onto the local
 * Azurite; other accounts are refused, since there is no real storage behind kusto-local.
 */
final class StorageAccess {
    static final String TEMP_CONTAINER = "tempstorage";
    static final String READY_QUEUE = "readyforaggregation-secured";
    static final String FAILED_QUEUE = "failedingestions";
    static final String SUCCEEDED_QUEUE = "successfulingestions";
    static final String STATUS_TABLE = "ingestionsstatus";
    private static final String VIRTUAL_HOST_SUFFIX = ".blob.core.windows.net";

    private final StorageEndpoints endpoints;
    private final StorageSharedKeyCredential key;
    private final BlobServiceClient blobs;
    private final QueueServiceClient queues;
    private final TableServiceClient tables;
    private final String sas;

    StorageAccess(StorageEndpoints endpoints) {
        this.endpoints = endpoints;
        this.key = new StorageSharedKeyCredential(StorageEndpoints.ACCOUNT, StorageEndpoints.ACCOUNT_KEY);
        this.blobs = new BlobServiceClientBuilder().endpoint(endpoints.blob()).credential(key).buildClient();
        this.queues = new QueueServiceClientBuilder().endpoint(endpoints.queue()).credential(key).buildClient();
        this.tables = new TableServiceClientBuilder().endpoint(endpoints.table())
                .credential(new com.azure.core.credential.AzureNamedKeyCredential(StorageEndpoints.ACCOUNT,
                        StorageEndpoints.ACCOUNT_KEY))
                .buildClient();
        // One account SAS for every resource: the SDKs only need it to read, write and list. Long-lived,
        // since the resource managers of the SDKs cache it for an hour and tests may run longer.
        AccountSasSignatureValues values = new AccountSasSignatureValues(
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7),
                AccountSasPermission.parse("rwdlacup"),
                AccountSasService.parse("bqt"),
                AccountSasResourceType.parse("sco"));
        this.sas = blobs.generateAccountSas(values);
    }

    StorageEndpoints endpoints() {
        return endpoints;
    }

    /** Creates the containers, queues and table of queued ingestion if they are missing. */
    void createResources() {
        blobs.getBlobContainerClient(TEMP_CONTAINER).createIfNotExists();
        for (String queue : new String[] {READY_QUEUE, FAILED_QUEUE, SUCCEEDED_QUEUE}) {
            queues.getQueueClient(queue).createIfNotExists();
        }
        tables.createTableIfNotExists(STATUS_TABLE);
    }

    QueueClient queue(String name) {
        return queues.getQueueClient(name);
    }

    /** {@code <endpoint>/<name>?<sas>}: one {@code ?}, the port kept, as the SDKs' resource managers need. */
    String blobResourceUrl(String container) {
        return endpoints.blob() + "/" + container + "?" + sas;
    }

    String queueResourceUrl(String queue) {
        return endpoints.queue() + "/" + queue + "?" + sas;
    }

    String tableResourceUrl(String table) {
        return endpoints.table() + "/" + table + "?" + sas;
    }

    /** A blob of an ingestion message: its URL with a SAS (or without, then read with the account key). */
    BlobClient blob(String url) {
        Target t = target(url);
        BlobClientBuilder b = new BlobClientBuilder().endpoint(t.url());
        if (t.sas() != null) {
            b.sasToken(t.sas());
        } else {
            b.credential(key);
        }
        return b.buildClient();
    }

    /** The status table an ingestion message names ({@code <endpoint>/<table>?sas}). */
    TableClient statusTable(String connection) {
        Target t = split(connection);
        String url = t.url();
        int slash = url.lastIndexOf('/');
        TableClientBuilder b = new TableClientBuilder().endpoint(url.substring(0, slash))
                .tableName(url.substring(slash + 1));
        if (t.sas() != null) {
            b.sasToken(t.sas());
        } else {
            b.credential(new com.azure.core.credential.AzureNamedKeyCredential(StorageEndpoints.ACCOUNT,
                    StorageEndpoints.ACCOUNT_KEY));
        }
        return b.buildClient();
    }

    /**
     * The container of an export target: {@code <container url>?<sas>} or {@code <container url>;<key>},
     * path-style on Azurite or virtual-host style for devstoreaccount1.
     */
    BlobContainerClient container(String connection) {
        String url = connection;
        String accountKey = null;
        int semicolon = connection.indexOf(';');
        if (semicolon >= 0) {
            url = connection.substring(0, semicolon);
            accountKey = connection.substring(semicolon + 1);
        }
        Target t = target(url);
        BlobContainerClientBuilder b = new BlobContainerClientBuilder().endpoint(t.url());
        if (accountKey != null && !accountKey.isBlank()) {
            b.credential(new StorageSharedKeyCredential(StorageEndpoints.ACCOUNT, accountKey.strip()));
        } else if (t.sas() != null) {
            b.sasToken(t.sas());
        } else {
            b.credential(key);
        }
        return b.buildClient();
    }

    /** The URL without its query (its SAS), for results and messages. */
    static String withoutSecrets(String url) {
        int semicolon = url.indexOf(';');
        String u = semicolon >= 0 ? url.substring(0, semicolon) : url;
        int q = u.indexOf('?');
        return q >= 0 ? u.substring(0, q) : u;
    }

    private record Target(String url, String sas) {}

    private static Target split(String url) {
        int q = url.indexOf('?');
        return q < 0 ? new Target(url, null) : new Target(url.substring(0, q), url.substring(q + 1));
    }

    /** Maps a virtual-host URL of devstoreaccount1 onto Azurite's path-style endpoint. */
    private Target target(String url) {
        Target t = split(url.strip());
        URI uri;
        try {
            uri = URI.create(t.url());
        } catch (IllegalArgumentException e) {
            throw KustoException.badRequest("The storage URL " + withoutSecrets(url) + " is not a valid URL.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(VIRTUAL_HOST_SUFFIX)) {
            String account = host.substring(0, host.length() - VIRTUAL_HOST_SUFFIX.length());
            if (!account.equals(StorageEndpoints.ACCOUNT)) {
                throw KustoException.badRequest("kusto-local emulates only the storage account '"
                        + StorageEndpoints.ACCOUNT + "', not '" + account + "'.");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Target(endpoints.blob() + path, t.sas());
        }
        return t;
    }
}
