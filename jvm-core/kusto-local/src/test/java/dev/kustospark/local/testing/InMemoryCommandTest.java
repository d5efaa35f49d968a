package dev.kustospark.local.testing;

import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.mgmt.CommandExecutor;
import dev.kustospark.local.storage.DuckDbCatalog;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests that run management commands: each test gets a fresh in-memory catalog with the
 * database {@value #DB}, a {@link CommandExecutor} wired to a real {@link Ingestor}, and an open
 * connection. JUnit runs {@link #openCatalog()} before, and {@link #closeCatalog()} after, the
 * subclass's own set-up and tear-down.
 */
public abstract class InMemoryCommandTest {
    protected static final String DB = "db1";
    /** The request time of every command, so that times in results are predictable. */
    protected static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    protected DuckDbCatalog catalog;
    protected Ingestor ingestor;
    protected CommandExecutor executor;
    protected Connection connection;

    @BeforeEach
    protected final void openCatalog() {
        catalog = DuckDbCatalog.open(null);
        catalog.createDatabase(DB, false);
        ingestor = new Ingestor(catalog);
        executor = new CommandExecutor(catalog, ingestor);
        connection = catalog.connect();
    }

    @AfterEach
    protected final void closeCatalog() throws Exception {
        connection.close();
        catalog.close();
    }

    /** Runs one command in {@value #DB} at {@link #NOW}. */
    protected List<TabularResult> execute(String command) {
        return executor.execute(connection, DB, command, Map.of(), NOW);
    }
}
