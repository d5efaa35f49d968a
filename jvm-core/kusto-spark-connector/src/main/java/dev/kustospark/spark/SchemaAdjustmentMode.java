package dev.kustospark.spark;

/** How a write reconciles the DataFrame's columns with an existing table's. Parsed case-insensitively from option strings; {@link #toString()} prints the canonical name. */
public enum SchemaAdjustmentMode {
    NoAdjustment, FailIfNotMatch, GenerateDynamicCsvMapping;

    /**
     * The value whose name equals {@code text} ignoring case, or null when none does (the caller
     * reports the option, the value and {@link #allowedValues()}).
     */
    public static SchemaAdjustmentMode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        for (SchemaAdjustmentMode value : values()) {
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
