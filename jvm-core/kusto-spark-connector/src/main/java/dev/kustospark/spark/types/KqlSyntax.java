package dev.kustospark.spark.types;

import java.time.Instant;

/** KQL text for names and literals, escaped so that any name or value survives the trip to the server. */
public final class KqlSyntax {
    private KqlSyntax() {}

    /** A column or table name as {@code ['name']}: safe for keywords, spaces, quotes and any other character. */
    public static String quoteName(String name) {
        return "[" + quoteString(name, '\'') + "]";
    }

    /** A string literal in double quotes; the value round-trips exactly, whatever characters it holds. */
    public static String stringLiteral(String value) {
        return quoteString(value, '"');
    }

    /** A datetime literal in UTC with Kusto's 7 fractional digits, independent of the JVM's time zone. */
    public static String datetimeLiteral(Instant instant) {
        return "datetime(" + KustoValueFormats.datetime(instant) + ")";
    }

    private static String quoteString(String value, char quote) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Other control characters would end or corrupt a literal in some clients' logs and
                    // editors; the escape keeps the query text printable. Everything else travels as is.
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }
}
