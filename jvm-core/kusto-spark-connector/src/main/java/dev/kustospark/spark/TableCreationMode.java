package dev.kustospark.spark;

/** What a write does when its table does not exist. Parsed case-insensitively from option strings; {@link #toString()} prints the canonical name. */
public enum TableCreationMode {
    FailIfNotExist, CreateIfNotExist;

    /**
     * The value whose name equals {@code text} ignoring case, or null when none does (the caller
     * reports the option, the value and {@link #allowedValues()}).
     */
    public static TableCreationMode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        for (TableCreationMode value : values()) {
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
