package dev.kustospark.local.ingest;

import dev.kustospark.local.KustoException;
import java.util.Locale;
import java.util.Set;

/**
 * The ingestion data formats kusto-local reads, by the service's names. Delimited formats share one
 * RFC 4180 reader and differ by separator; {@code tsve} adds backslash escapes.
 */
enum DataFormat {
    CSV(','), TSV('\t'), TSVE('\t'), SCSV(';'), SOHSV('\u0001'), PSV('|'),
    TXT('\0'), RAW('\0'),
    JSON('\0'), MULTIJSON('\0'), SINGLEJSON('\0'),
    PARQUET('\0');

    /** Formats the service accepts that kusto-local does not read. */
    private static final Set<String> KNOWN_UNSUPPORTED =
            Set.of("avro", "apacheavro", "orc", "w3clogfile", "azmonstream", "sstream");

    private final char separator;

    DataFormat(char separator) {
        this.separator = separator;
    }

    /**
     * The format a request names, case-insensitively; none means csv, the service's default.
     *
     * @throws KustoException (400) for an unknown or unsupported format
     */
    static DataFormat parse(String name) {
        if (name == null || name.isBlank()) {
            return CSV;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (DataFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(key)) {
                return format;
            }
        }
        if (KNOWN_UNSUPPORTED.contains(key)) {
            throw KustoException.badRequest("kusto-local does not support the ingestion format '" + name
                    + "'; supported: csv, tsv, tsve, scsv, sohsv, psv, txt, raw, json, multijson, singlejson, parquet.");
        }
        throw KustoException.badRequest("Unknown ingestion format '" + name + "'.");
    }

    boolean isDelimited() {
        return separator != '\0';
    }

    /** Formats whose records are fields of text, mapped by ordinal: the delimited ones, txt and raw. */
    boolean isTextLines() {
        return isDelimited() || this == TXT || this == RAW;
    }

    /** Formats with a single field per record: txt (a line) and raw (the whole payload). */
    boolean isSingleField() {
        return this == TXT || this == RAW;
    }

    boolean isJson() {
        return this == JSON || this == MULTIJSON || this == SINGLEJSON;
    }

    char separator() {
        return separator;
    }

    /** The kind of ingestion mapping this format takes ({@code csv}, {@code json}, {@code parquet}). */
    String mappingKind() {
        if (isTextLines()) {
            return "csv";
        }
        return isJson() ? "json" : "parquet";
    }

    String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
