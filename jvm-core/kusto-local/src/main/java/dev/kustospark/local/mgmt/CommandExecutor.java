package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.storage.Catalog;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs management commands ({@code .show tables}, {@code .create table}...). */
public final class CommandExecutor {
    private final Catalog catalog;
    private final Ingestor ingestor;

    public CommandExecutor(Catalog catalog, Ingestor ingestor) {
        this.catalog = catalog;
        this.ingestor = ingestor;
    }

    /**
     * Executes one command (possibly piped into KQL: {@code .show tables | where ...}). Results that
     * are {@code SqlResult}s must be read on {@code connection}, which may hold temporary tables.
     */
    public List<TabularResult> execute(Connection connection, String database, String commandText,
            Map<String, Object> parameters, Instant now) {
        throw KustoException.badRequest("unknown command: " + commandText);
    }
}
