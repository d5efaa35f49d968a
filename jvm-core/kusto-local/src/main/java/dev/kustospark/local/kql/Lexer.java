package dev.kustospark.local.kql;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits KQL text into tokens, tracking line and column for error messages. */
final class Lexer {
    /** Operator names that contain hyphens and must not be read as subtractions. */
    private static final List<String> HYPHENATED = List.of(
            "project-away", "project-rename", "project-reorder", "project-keep", "mv-expand", "mv-apply",
            "make-series", "parse-where", "parse-kv", "order-by", "sample-distinct");

    /** Punctuation, longest first so that {@code !contains}-style operators are found by the parser. */
    private static final List<String> PUNCTS = List.of(
            "==", "!=", "<>", "<=", ">=", "=~", "!~", "..", "=>",
            "|", "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "=", "<", ">", "+", "-", "*", "/", "%", "!",
            "?", "@", "~");

    /** Literals whose inside is not made of KQL tokens ({@code datetime(2024-01-01T10:00Z)}). */
    private static final Set<String> RAW_LITERAL_WORDS = Set.of(
            "datetime", "date", "time", "timespan", "guid", "uuid", "uniqueid");

    private static final Set<String> TIMESPAN_UNITS = Set.of(
            "d", "day", "days", "h", "hr", "hrs", "hour", "hours", "m", "min", "minute", "minutes", "s", "sec",
            "second", "seconds", "ms", "milli", "millis", "millisecond", "milliseconds", "microsecond",
            "microseconds", "tick", "ticks");

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", null, line, col()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (KqlChars.isCommentStart(text, pos)) {
                pos = KqlChars.commentEnd(text, pos);
            } else {
                return;
            }
        }
    }

    private Token next() {
        int startLine = line;
        int startCol = col();
        char c = text.charAt(pos);
        if (Character.isDigit(c)) {
            return number(startLine, startCol);
        }
        if ((c == 'h' || c == 'H') && pos + 1 < text.length()
                && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\''
                || (text.charAt(pos + 1) == '@' && pos + 2 < text.length()
                        && (text.charAt(pos + 2) == '"' || text.charAt(pos + 2) == '\'')))) {
            pos++;
            return string(startLine, startCol);
        }
        if (c == '@' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\'')) {
            return string(startLine, startCol);
        }
        if (c == '"' || c == '\'') {
            return string(startLine, startCol);
        }
        if (c == '`' && text.startsWith("```", pos)) {
            int end = text.indexOf("```", pos + 3);
            if (end < 0) {
                throw KustoException.syntaxError("unterminated multi-line string literal", startLine, startCol);
            }
            String value = text.substring(pos + 3, end);
            advanceOver(end + 3);
            return new Token(Token.Kind.STRING, value, value, startLine, startCol);
        }
        if (c == '[' && pos + 1 < text.length()) {
            Token bracketed = bracketedName(startLine, startCol);
            if (bracketed != null) {
                return bracketed;
            }
        }
        if (KqlChars.isIdentifierStart(c)) {
            for (String h : HYPHENATED) {
                if (text.regionMatches(pos, h, 0, h.length())
                        && (pos + h.length() >= text.length()
                                || !KqlChars.isIdentifierPart(text.charAt(pos + h.length())))) {
                    pos += h.length();
                    return new Token(Token.Kind.IDENT, h, null, startLine, startCol);
                }
            }
            int start = pos;
            pos++;
            while (pos < text.length() && KqlChars.isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (RAW_LITERAL_WORDS.contains(word)) {
                int j = pos;
                while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '(') {
                    int end = text.indexOf(')', j);
                    if (end < 0) {
                        throw KustoException.syntaxError("unterminated " + word + " literal", startLine, startCol);
                    }
                    String inside = text.substring(j + 1, end).trim();
                    advanceOver(end + 1);
                    return new Token(Token.Kind.RAW_LITERAL, word, inside, startLine, startCol);
                }
            }
            return new Token(Token.Kind.IDENT, word, null, startLine, startCol);
        }
        for (String p : PUNCTS) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                return new Token(Token.Kind.PUNCT, p, null, startLine, startCol);
            }
        }
        throw KustoException.syntaxError("unexpected character '" + c + "'", startLine, startCol);
    }

    /**
     * {@code ['name']} or {@code ["name"]} as one token; null (and nothing consumed) when the
     * bracket is not followed by exactly one string literal and {@code ]}, e.g. {@code d['a' + x]}.
     */
    private Token bracketedName(int startLine, int startCol) {
        int savedPos = pos;
        int savedLine = line;
        int savedLineStart = lineStart;
        pos++;
        skipSpaceAndComments();
        if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\''
                || (text.charAt(pos) == '@' && pos + 1 < text.length()
                        && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\'')))) {
            Token s = string(line, col());
            skipSpaceAndComments();
            if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return new Token(Token.Kind.BRACKET_NAME, "['" + s.value() + "']", s.value(), startLine, startCol);
            }
        }
        pos = savedPos;
        line = savedLine;
        lineStart = savedLineStart;
        return null;
    }

    private void advanceOver(int end) {
        while (pos < end) {
            if (text.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private Token number(int startLine, int startCol) {
        int start = pos;
        boolean real = false;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            String t = text.substring(start, pos);
            return new Token(Token.Kind.LONG, t, Long.parseUnsignedLong(t.substring(2), 16), startLine, startCol);
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            real = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                real = true;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String digits = text.substring(start, pos);
        int unitStart = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String unit = text.substring(unitStart, pos);
        if (!unit.isEmpty()) {
            if (!TIMESPAN_UNITS.contains(unit.toLowerCase())) {
                throw KustoException.syntaxError("invalid literal '" + digits + unit + "'", startLine, startCol);
            }
            try {
                return new Token(Token.Kind.TIMESPAN, digits + unit, KustoValues.parseTimespan(digits + unit),
                        startLine, startCol);
            } catch (IllegalArgumentException e) {
                throw KustoException.syntaxError("invalid timespan literal '" + digits + unit + "'", startLine, startCol);
            }
        }
        if (real) {
            return new Token(Token.Kind.REAL, digits, Double.parseDouble(digits), startLine, startCol);
        }
        try {
            return new Token(Token.Kind.LONG, digits, Long.parseLong(digits), startLine, startCol);
        } catch (NumberFormatException e) {
            return new Token(Token.Kind.REAL, digits, Double.parseDouble(digits), startLine, startCol);
        }
    }

    private Token string(int startLine, int startCol) {
        int start = pos;
        boolean verbatim = false;
        if (text.charAt(pos) == '@') {
            verbatim = true;
            pos++;
        }
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw KustoException.syntaxError("unterminated string literal", startLine, startCol);
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (verbatim && pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\\' && !verbatim) {
                if (pos >= text.length()) {
                    throw KustoException.syntaxError("unterminated string literal", startLine, startCol);
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case '\\', '\'', '"' -> sb.append(e);
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw KustoException.syntaxError("invalid escape in string literal", startLine, startCol);
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw KustoException.syntaxError("invalid escape '\\" + e + "' in string literal",
                            line, pos - lineStart - 1);
                }
                continue;
            }
            sb.append(c);
        }
        return new Token(Token.Kind.STRING, text.substring(start, pos), sb.toString(), startLine, startCol);
    }
}
