package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.kql.KqlChars;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cursor over the text of one management command. Keywords match case-insensitively; names and
 * string values are returned exactly as written. Whatever follows the command ({@code | query},
 * {@code <| query}, {@code ; query}) is taken as raw text with {@link #rest()}.
 */
final class CommandParser {
    private final String text;
    private int pos;

    CommandParser(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    int position() {
        return pos;
    }

    /** Skips blanks and {@code //} comments. */
    void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (KqlChars.isCommentStart(text, pos)) {
                pos = KqlChars.commentEnd(text, pos);
            } else {
                break;
            }
        }
    }

    boolean atEnd() {
        skipBlanks();
        return pos >= text.length();
    }

    /** The word at the cursor ({@code create-merge}, {@code 3f2a...-...}), or null; does not consume. */
    String peekWord() {
        skipBlanks();
        int end = wordEnd(pos);
        return end == pos ? null : text.substring(pos, end);
    }

    private int wordEnd(int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (KqlChars.isIdentifierPart(c)) {
                i++;
            } else if (c == '-' && i > start && i + 1 < text.length()
                    && KqlChars.isIdentifierPart(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** True if the next words are {@code words}, case-insensitively; consumes them only then. */
    boolean acceptKeywords(String... words) {
        int saved = pos;
        for (String w : words) {
            String next = peekWord();
            if (next == null || !next.equalsIgnoreCase(w)) {
                pos = saved;
                return false;
            }
            pos += next.length();
        }
        return true;
    }

    void expectKeywords(String... words) {
        if (!acceptKeywords(words)) {
            throw error("expected '" + String.join(" ", words) + "'");
        }
    }

    boolean peekKeyword(String word) {
        String next = peekWord();
        return next != null && next.equalsIgnoreCase(word);
    }

    /** Consumes {@code symbol} ({@code (}, {@code <|}, {@code ,}...) if it is next. */
    boolean accept(String symbol) {
        skipBlanks();
        if (text.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    boolean peek(String symbol) {
        skipBlanks();
        return text.startsWith(symbol, pos);
    }

    void expect(String symbol) {
        if (!accept(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    /** An entity name: a plain identifier, {@code ['x']} or {@code ["x"]}. */
    String name() {
        skipBlanks();
        if (text.startsWith("[", pos)) {
            int start = pos;
            pos++;
            skipBlanks();
            if (!isStringStart()) {
                pos = start;
                throw error("expected a quoted name inside [ ]");
            }
            String name = singleString();
            expect("]");
            return name;
        }
        String word = peekWord();
        if (word == null || !KqlChars.isIdentifierStart(word.charAt(0))) {
            throw error("expected a name");
        }
        pos += word.length();
        return word;
    }

    /** A name, or a string literal used as a name (as {@code .create database 'x'} allows). */
    String nameOrString() {
        skipBlanks();
        // A single literal: a name is followed directly by a value, as in mapping "m" '[' '...' ']'.
        return isStringStart() ? singleString() : name();
    }

    boolean isStringStart() {
        skipBlanks();
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return true;
        }
        if (c == '@' || c == 'h' || c == 'H') {
            int i = pos + 1;
            if ((c == 'h' || c == 'H') && i < text.length() && text.charAt(i) == '@') {
                i++;
            }
            return i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
        }
        return text.startsWith("```", pos);
    }

    /** One string literal, or several adjacent ones concatenated as Kusto does. */
    String string() {
        if (!isStringStart()) {
            throw error("expected a string literal");
        }
        StringBuilder sb = new StringBuilder(singleString());
        while (isStringStart()) {
            sb.append(singleString());
        }
        return sb.toString();
    }

    /** One string literal, never concatenated with the next. */
    String singleString() {
        skipBlanks();
        int start = pos;
        if (text.startsWith("```", pos)) {
            int end = text.indexOf("```", pos + 3);
            if (end < 0) {
                throw error("unterminated ``` string");
            }
            pos = end + 3;
            return text.substring(start + 3, end);
        }
        char c = text.charAt(pos);
        if (c == 'h' || c == 'H') {
            pos++;
            c = text.charAt(pos);
        }
        boolean verbatim = false;
        if (c == '@') {
            verbatim = true;
            pos++;
            c = text.charAt(pos);
        }
        char quote = c;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated string literal");
            }
            char ch = text.charAt(pos++);
            if (ch == quote) {
                if (verbatim && pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            if (!verbatim && ch == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
                continue;
            }
            if (!verbatim && (ch == '\n' || ch == '\r')) {
                pos = start;
                throw error("unterminated string literal");
            }
            sb.append(ch);
        }
    }

    /** A bare word or a string literal: a property value. */
    String value() {
        skipBlanks();
        if (isStringStart()) {
            return string();
        }
        if (peekKeyword("datetime") || peekKeyword("dynamic") || peekKeyword("timespan") || peekKeyword("time")) {
            // datetime(2020-01-01), dynamic([...]): the text inside the parentheses is the value.
            int saved = pos;
            pos += peekWord().length();
            if (accept("(")) {
                int depth = 1;
                int start = pos;
                while (pos < text.length() && depth > 0) {
                    char c = text.charAt(pos++);
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth--;
                    }
                }
                if (depth != 0) {
                    throw error("unbalanced parentheses");
                }
                return text.substring(start, pos - 1).trim();
            }
            pos = saved;
        }
        String word = peekWord();
        if (word == null) {
            throw error("expected a value");
        }
        pos += word.length();
        // Numbers such as 1.5 continue past the dot.
        if (peek(".") && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            String more = peekWord();
            pos += more.length();
            return word + "." + more;
        }
        return word;
    }

    /**
     * {@code with (k=v, ...)} if present: keys as written, values as strings. Several clauses in a
     * row ({@code with(a=1) with(b=2)}, as some clients write them) are merged. A comma may follow
     * the last property, as the service allows ({@code with (a=1,)}; the established Spark
     * connector's {@code .export} writes one).
     */
    Map<String, String> withProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        while (acceptKeywords("with")) {
            expect("(");
            while (!accept(")")) {
                String key = nameOrString();
                expect("=");
                props.put(key, value());
                if (!accept(",")) {
                    expect(")");
                    break;
                }
            }
        }
        return props;
    }

    /** {@code (name:type, ...)}. */
    List<Column> schema() {
        expect("(");
        List<Column> columns = new ArrayList<>();
        if (accept(")")) {
            return columns;
        }
        do {
            String name = name();
            expect(":");
            int typePos = position();
            String typeName = peekWord();
            KustoType type = KustoType.fromName(typeName);
            if (type == null) {
                skipBlanks();
                throw errorAt(typePos, "unknown column type '" + (typeName == null ? "" : typeName) + "'");
            }
            pos += typeName.length();
            columns.add(new Column(name, type));
        } while (accept(","));
        expect(")");
        return columns;
    }

    /** {@code (a, b, ...)} of names or strings. */
    List<String> nameList() {
        expect("(");
        List<String> names = new ArrayList<>();
        if (accept(")")) {
            return names;
        }
        do {
            names.add(isStringStart() ? string() : name());
        } while (accept(","));
        expect(")");
        return names;
    }

    /** {@code (id, id, ...)} of GUIDs, bare or quoted. */
    List<java.util.UUID> guidList() {
        expect("(");
        List<java.util.UUID> ids = new ArrayList<>();
        do {
            ids.add(guid());
        } while (accept(","));
        expect(")");
        return ids;
    }

    java.util.UUID guid() {
        skipBlanks();
        int start = pos;
        String t = isStringStart() ? string() : peekWord();
        if (t == null) {
            throw error("expected a GUID");
        }
        if (pos == start) {
            pos += t.length();
        }
        try {
            return java.util.UUID.fromString(t.trim());
        } catch (IllegalArgumentException e) {
            throw errorAt(start, "'" + t + "' is not a GUID");
        }
    }

    /** The unparsed remainder of the text. */
    String rest() {
        return text.substring(Math.min(pos, text.length()));
    }

    void skipToEnd() {
        pos = text.length();
    }

    KustoException error(String what) {
        skipBlanks();
        return errorAt(pos, what);
    }

    KustoException errorAt(int offset, String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String near = offset >= text.length() ? "end of command"
                : "'" + text.substring(offset, Math.min(text.length(), offset + 20)) + "'";
        return KustoException.syntaxError(what + " near " + near + " in command '" + abbreviate(text) + "'", line,
                column);
    }

    static String abbreviate(String s) {
        String oneLine = s.strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    static boolean isTrue(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).equals("true");
    }
}
