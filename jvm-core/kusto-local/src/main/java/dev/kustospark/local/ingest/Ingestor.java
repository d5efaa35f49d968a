package dev.kustospark.local.ingest;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.storage.Catalog;
import java.io.InputStream;

/** Parses a payload in one of the service's formats and writes it into a table as one extent. */
public final class Ingestor {
    private final Catalog catalog;

    public Ingestor(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Ingests {@code body} (gzip recognised by its magic bytes) into {@code database.table}. */
    public IngestionResult ingest(String database, String table, IngestionRequest request, InputStream body) {
        throw KustoException.badRequest("ingestion not yet wired");
    }
}
