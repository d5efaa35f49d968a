package dev.kustospark.local.kql;

/**
 * How KQL text is classified character by character: where names start and end and where a
 * {@code //} comment runs. Queries and management commands share these rules, so the query lexer and
 * the management command parser both read them from here.
 */
public final class KqlChars {
    private KqlChars() {}

    /** Whether {@code c} can begin a name. */
    public static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    /** Whether {@code c} can continue a name. */
    public static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether a {@code //} comment starts at {@code i}. */
    public static boolean isCommentStart(String text, int i) {
        return text.charAt(i) == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/';
    }

    /** Where the comment starting at {@code i} ends: at the next newline (not consumed) or the end of the text. */
    public static int commentEnd(String text, int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end;
    }
}
