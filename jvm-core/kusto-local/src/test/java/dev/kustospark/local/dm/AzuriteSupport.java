package dev.kustospark.local.dm;

import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Shared by the Azurite test classes: the install, and waiting for ingestion outcomes. */
final class AzuriteSupport {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private AzuriteSupport() {}

    /** Runs the project's idempotent install script and returns the install directory. */
    static synchronized Path azuriteHome() {
        List<Path> starts = AzuriteInstall.searchStarts();
        return AzuriteInstall.install(AzuriteInstall.projectTree(starts).orElseThrow(
                () -> new IllegalStateException("scripts/azurite-env.sh not found above " + starts)));
    }

    /** Polls the status table (through the SDK) until the ingestion leaves Pending, with a deadline. */
    static IngestionStatus awaitOutcome(IngestionResult result) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<IngestionStatus> statuses = result.getIngestionStatusCollection();
            IngestionStatus status = statuses.get(0);
            if (status.status != OperationStatus.Pending) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ingestion is still Pending after " + DEADLINE.toSeconds() + "s");
            }
            Thread.sleep(50);
        }
    }
}
