package dev.kustospark.local.ingest;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.ExtentWriter;
import dev.kustospark.local.storage.TableInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Parses a payload in one of the service's formats and writes it into a table as one extent.
 *
 * <p>Tags: the extent gets {@link IngestionRequest#tags()} exactly as given, so callers translate
 * the SDKs' properties into full tag strings first ({@code ingestByTags: ["x"]} becomes
 * {@code ingest-by:x}, {@code dropByTags: ["y"]} becomes {@code drop-by:y}, {@code additionalTags}
 * stay as they are). {@link IngestionRequest#ingestIfNotExists()} holds the values the service's
 * {@code ingestIfNotExists} property holds ({@code "x"}, meaning the tag {@code ingest-by:x}); a value
 * that already starts with {@code ingest-by:} is taken as the full tag.
 *
 * <p>All or nothing: a payload that cannot be parsed (unterminated quote, malformed JSON...) fails
 * with a 400 and leaves the table unchanged; values that do not convert to their column's type are
 * ingested as nulls, as the service does. A payload without records creates no extent (the result
 * then has a null extent, zero rows and {@code skipped} false).
 */
public final class Ingestor {
    private static final String INGEST_BY = "ingest-by:";

    private final Catalog catalog;

    public Ingestor(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Ingests {@code body} (gzip recognised by its magic bytes) into {@code database.table}. */
    public IngestionResult ingest(String database, String table, IngestionRequest request, InputStream body) {
        DataFormat format = DataFormat.parse(request.format());
        TableInfo target = catalog.table(catalog.resolveDatabase(database), table);
        for (String value : request.ingestIfNotExists()) {
            String tag = value.startsWith(INGEST_BY) ? value : INGEST_BY + value;
            if (catalog.hasExtentTag(target.database(), target.name(), tag)) {
                return new IngestionResult(null, 0, true);
            }
        }
        IngestionMapping mapping = resolveMapping(target, format, request);
        ColumnPlan plan = ColumnPlan.build(target.columns(), target.name(), format, mapping);
        // Closing the payload releases the gzip inflater's native memory; the body is consumed by then.
        try (InputStream payload = decompressed(body);
                RowReader rows = RowReader.open(format, payload, plan, request.ignoreFirstRecord());
                ExtentWriter writer = catalog.openExtent(target, request.tags(), request.creationTime(), null)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                writer.appendRow(row);
            }
            if (writer.rowCount() == 0) {
                return new IngestionResult(null, 0, false);
            }
            ExtentInfo extent = writer.commit();
            return new IngestionResult(extent, extent.rowCount(), false);
        } catch (UncheckedIOException e) {
            throw KustoException.badRequest("The " + format.displayName() + " payload could not be read: "
                    + e.getCause().getMessage());
        } catch (IOException e) {
            throw KustoException.badRequest("The " + format.displayName() + " payload could not be read: "
                    + e.getMessage());
        }
    }

    private IngestionMapping resolveMapping(TableInfo target, DataFormat format, IngestionRequest request) {
        String kind = format.mappingKind();
        if (request.mappingJson() != null && !request.mappingJson().isBlank()) {
            return IngestionMapping.parse(request.mappingJson(), kind);
        }
        if (request.mappingName() != null && !request.mappingName().isBlank()) {
            String json = catalog.ingestionMapping(target.database(), target.name(), kind, request.mappingName())
                    .orElseThrow(() -> KustoException.badRequest("BadRequest_InvalidMappingReference: ingestion "
                            + "mapping '" + request.mappingName() + "' of kind '" + kind + "' was not found for table '"
                            + target.name() + "' in database '" + target.database() + "'."));
            return IngestionMapping.parse(json, kind);
        }
        return null;
    }

    /** The payload itself, or its gzip content when it starts with the gzip magic bytes, whatever headers said. */
    static InputStream decompressed(InputStream body) {
        try {
            BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
            in.mark(4);
            int first = in.read();
            int second = in.read();
            int third = in.read();
            int fourth = in.read();
            in.reset();
            if (first == 0x1f && second == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            if (first == 'P' && second == 'K' && third == 3 && fourth == 4) {
                throw KustoException.badRequest("kusto-local does not support zip archives as ingestion payloads; "
                        + "send the data uncompressed or gzip-compressed.");
            }
            return in;
        } catch (IOException e) {
            throw KustoException.badRequest("The payload could not be read: " + e.getMessage());
        }
    }
}
