package dev.kustospark.spark.internal;

/**
 * Integer parsing that takes only ASCII digits. {@link Long#parseLong} also takes the digits of other
 * scripts ("١٢" is 12), which the Python and C# bindings refuse; options must mean the same in all three.
 */
public final class AsciiNumbers {
    private AsciiNumbers() {}

    /** As {@link Long#parseLong(String)}, refusing non-ASCII digits with a NumberFormatException. */
    public static long parseLong(String text) {
        requireAscii(text);
        return Long.parseLong(text);
    }

    /** As {@link Integer#parseInt(String)}, refusing non-ASCII digits with a NumberFormatException. */
    public static int parseInt(String text) {
        requireAscii(text);
        return Integer.parseInt(text);
    }

    private static void requireAscii(String text) {
        if (text != null && !text.chars().allMatch(c -> c < 128)) {
            throw new NumberFormatException("not an ASCII number");
        }
    }
}
