package dev.kustospark.spark.read;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.kustospark.spark.client.KustoClients;
import java.io.Serializable;
import java.util.Objects;

/**
 * One blob container that exports are written to and read from: its URL without secrets, and
 * either a SAS or an account key. The secret is used in two places only, the export command's
 * target and the storage client, and never printed.
 */
final class ExportLocation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String containerUrl;
    private final String sas;
    private final String accountName;
    private final String accountKey;

    private ExportLocation(String containerUrl, String sas, String accountName, String accountKey) {
        this.containerUrl = Objects.requireNonNull(containerUrl, "containerUrl").replaceAll("/+$", "");
        this.sas = sas;
        this.accountName = accountName;
        this.accountKey = accountKey;
    }

    /** A container URL with its SAS after {@code ?}, as the service and {@code transientStorage}'s sasUrl give it. */
    static ExportLocation ofSasUrl(String sasUrl, String what) {
        String url = sasUrl.strip();
        int q = url.indexOf('?');
        if (q < 0 || q == url.length() - 1) {
            throw new IllegalArgumentException(what + " is a container URL without a SAS (expected"
                    + " https://<account>.blob.<suffix>/<container>?<sas>)");
        }
        return new ExportLocation(url.substring(0, q), url.substring(q + 1), null, null);
    }

    static ExportLocation ofSas(String containerUrl, String sas) {
        String token = sas.strip();
        return new ExportLocation(containerUrl, token.startsWith("?") ? token.substring(1) : token, null, null);
    }

    static ExportLocation ofAccountKey(String containerUrl, String accountName, String accountKey) {
        return new ExportLocation(containerUrl, null, accountName, accountKey);
    }

    /** The container URL, without secrets. */
    String containerUrl() {
        return containerUrl;
    }

    /** The target as the {@code .export} command takes it: {@code url?sas} or {@code url;key}. */
    String exportTarget() {
        return sas != null ? containerUrl + "?" + sas : containerUrl + ";" + accountKey;
    }

    /** A storage client of this container, authorised with the SAS or the account key. */
    BlobContainerClient client() {
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(containerUrl)
                .httpClient(KustoClients.httpClient());
        if (sas != null) {
            builder.sasToken(sas);
        } else {
            builder.credential(new StorageSharedKeyCredential(accountName, accountKey));
        }
        return builder.buildClient();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportLocation other && containerUrl.equals(other.containerUrl)
                && Objects.equals(sas, other.sas) && Objects.equals(accountKey, other.accountKey);
    }

    @Override
    public int hashCode() {
        return containerUrl.hashCode();
    }

    /** The container only: no SAS, no key. */
    @Override
    public String toString() {
        return containerUrl;
    }
}
