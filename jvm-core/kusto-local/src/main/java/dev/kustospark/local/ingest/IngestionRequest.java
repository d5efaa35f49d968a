package dev.kustospark.local.ingest;

import java.time.Instant;
import java.util.List;

/**
 * How to ingest one payload. Formats are the service's names (csv, tsv, scsv, psv, sohsv, txt,
 * json, singlejson, multijson, parquet...); gzip payloads are recognised by their magic bytes.
 *
 * @param format            the data format, case-insensitive
 * @param mappingName       a named ingestion mapping of the table, or null
 * @param mappingJson       an inline mapping (JSON array text), or null
 * @param tags              tags of the new extent ({@code drop-by:...}, {@code ingest-by:...}, others)
 * @param ingestIfNotExists ingest-by tags that, if any extent of the table already carries one, make
 *                          the ingestion skip
 * @param creationTime      creation time of the new extent, or null for now
 * @param ignoreFirstRecord skip the first record (a CSV header)
 */
public record IngestionRequest(String format, String mappingName, String mappingJson, List<String> tags,
        List<String> ingestIfNotExists, Instant creationTime, boolean ignoreFirstRecord) {
    public IngestionRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        ingestIfNotExists = ingestIfNotExists == null ? List.of() : List.copyOf(ingestIfNotExists);
    }

    public static IngestionRequest of(String format) {
        return new IngestionRequest(format, null, null, List.of(), List.of(), null, false);
    }
}
