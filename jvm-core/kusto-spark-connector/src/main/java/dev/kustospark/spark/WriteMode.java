package dev.kustospark.spark;

/** How a write ingests: through a temporary table moved atomically, queued ingestion, or streaming ingestion. Parsed case-insensitively from option strings; {@link #toString()} prints the canonical name. */
public enum WriteMode {
    Transactional, Queued, KustoStreaming;

    /**
     * The value whose name equals {@code text} ignoring case, or null when none does (the caller
     * reports the option, the value and {@link #allowedValues()}).
     */
    public static WriteMode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        for (WriteMode value : values()) {
            if (value.name().equalsIgnoreCase(trimmed)) {
                return value;
            }
        }
        return null;
    }

    /** The canonical names, comma separated, for error messages and docs. */
    public static String allowedValues() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList());
    }
}
