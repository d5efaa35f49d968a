package dev.kustospark.spark;

/** How a read runs: one query on one executor, an export to transient storage, or N hash partitions. Parsed case-insensitively from option strings; {@link #toString()} prints the canonical name. */
public enum ReadMode {
    ForceSingleMode, ForceDistributedMode, ForcePartitionedMode;

    /**
     * The value whose name equals {@code text} ignoring case, or null when none does (the caller
     * reports the option, the value and {@link #allowedValues()}).
     */
    public static ReadMode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        for (ReadMode value : values()) {
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
