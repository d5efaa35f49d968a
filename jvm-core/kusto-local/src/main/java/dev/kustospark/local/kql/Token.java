package dev.kustospark.local.kql;

/** A lexical token of KQL with its 1-based position. */
record Token(Kind kind, String text, Object value, int line, int column) {
    enum Kind {
        /** A name or keyword; hyphenated operator names such as {@code project-away} are one token. */
        IDENT,
        /** {@code ['name']} or {@code ["name"]}: value is the name. */
        BRACKET_NAME,
        /** value is a Long (or a Double for reals; {@code text} tells which) */
        LONG,
        REAL,
        /** value is the decoded String */
        STRING,
        /** value is a Long count of ticks */
        TIMESPAN,
        /** {@code datetime(...)}, {@code time(...)}, {@code guid(...)}: text is the type word, value the raw inside */
        RAW_LITERAL,
        PUNCT,
        EOF
    }

    boolean is(String punctOrKeyword) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrKeyword);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    String describe() {
        return kind == Kind.EOF ? "end of query" : "'" + text + "'";
    }
}
