package dev.kustospark.local.ingest;

import dev.kustospark.local.KustoException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records of fields without holding more than one record in memory.
 *
 * <p>Follows RFC 4180: a field that starts with a double quote runs to the matching quote, may
 * hold separators and line breaks, and writes a quote as two quotes; records end at LF or CRLF.
 * A blank line is a record of one empty field (a table of one string column written by a CSV
 * writer has such lines); only {@code txt} skips blank lines, as the service documents. With backslash escapes ({@code tsve}) an unquoted
 * {@code \t}, {@code \n}, {@code \r}, {@code \\} stands for the character; in {@code txt} mode
 * each line is one record of one field, taken literally.
 */
final class DelimitedParser {
    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader reader;
    private final char separator;
    private final boolean backslashEscapes;
    private final boolean wholeLine;
    private final String formatName;
    private final char[] buf = new char[BUFFER_CHARS];
    private final StringBuilder field = new StringBuilder();
    private final ArrayList<String> fields = new ArrayList<>();
    private int pos;
    private int limit;
    private boolean started;
    private long line = 1;
    private long recordLine;
    private long recordCount;

    private DelimitedParser(Reader reader, char separator, boolean backslashEscapes, boolean wholeLine,
            String formatName) {
        this.reader = reader;
        this.separator = separator;
        this.backslashEscapes = backslashEscapes;
        this.wholeLine = wholeLine;
        this.formatName = formatName;
    }

    static DelimitedParser forFormat(DataFormat format, Reader reader) {
        return new DelimitedParser(reader, format.separator(), format == DataFormat.TSVE, format == DataFormat.TXT,
                format.displayName());
    }

    /** The 1-based line of the text at which the last record returned starts. */
    long recordLine() {
        return recordLine;
    }

    /** How many records {@link #next()} returned. */
    long recordCount() {
        return recordCount;
    }

    /**
     * The fields of the next record, or {@code null} at the end of the text. The list is reused
     * by the next call.
     */
    List<String> next() {
        try {
            if (!started) {
                started = true;
                if (fill() && buf[pos] == '\uFEFF') {
                    pos++;
                }
            }
            if (wholeLine ? !skipBlankLines() : peek() == -1) {
                return null;
            }
            fields.clear();
            recordLine = line;
            recordCount++;
            if (wholeLine) {
                fields.add(readUnquoted(false));
                endOfRecord();
                return fields;
            }
            while (true) {
                fields.add(peek() == '"' ? readQuoted() : readUnquoted(true));
                int c = read();
                if (c == separator) {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    pos++;
                }
                if (c != -1) {
                    line++;
                }
                return fields;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endOfRecord() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        if (c != -1) {
            line++;
        }
    }

    /** Skips empty lines; false at the end of the text. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return false;
            }
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                if (peek() != '\n') {
                    line++;
                }
            } else {
                return true;
            }
        }
    }

    /** Reads up to the separator (when {@code stopAtSeparator}) or the end of the line, not consuming it. */
    private String readUnquoted(boolean stopAtSeparator) throws IOException {
        field.setLength(0);
        while (true) {
            if (pos >= limit && !fill()) {
                return field.toString();
            }
            int start = pos;
            int i = pos;
            int end = limit;
            char[] b = buf;
            char sep = separator;
            while (i < end) {
                char c = b[i];
                if (c == '\n' || c == '\r' || (stopAtSeparator && c == sep) || (backslashEscapes && c == '\\')) {
                    break;
                }
                i++;
            }
            if (i < end && backslashEscapes && b[i] == '\\') {
                field.append(b, start, i - start);
                pos = i + 1;
                int escaped = read();
                field.append(unescape(escaped));
                continue;
            }
            if (i < end) {
                pos = i;
                if (field.length() == 0) {
                    return i == start ? "" : new String(b, start, i - start);
                }
                field.append(b, start, i - start);
                return field.toString();
            }
            field.append(b, start, i - start);
            pos = i;
        }
    }

    private static String unescape(int c) {
        switch (c) {
            case -1: return "\\";
            case 't': return "\t";
            case 'n': return "\n";
            case 'r': return "\r";
            case '0': return "\0";
            default: return String.valueOf((char) c);
        }
    }

    private String readQuoted() throws IOException {
        long startLine = line;
        pos++;
        field.setLength(0);
        while (true) {
            if (pos >= limit && !fill()) {
                throw KustoException.badRequest("Stream_ClosingQuoteMissing: the " + formatName
                        + " data has a quoted field that starts at line " + startLine + " and is never closed.");
            }
            // Copy the run up to the next quote in one step; only quotes need a closer look.
            int start = pos;
            int i = pos;
            while (i < limit && buf[i] != '"') {
                if (buf[i] == '\n') {
                    line++;
                }
                i++;
            }
            field.append(buf, start, i - start);
            pos = i;
            if (i == limit) {
                continue;
            }
            pos++;
            if (peek() == '"') {
                pos++;
                field.append('"');
                continue;
            }
            break;
        }
        // Text between the closing quote and the separator is kept, as lenient readers do.
        while (true) {
            int c = peek();
            if (c == -1 || c == separator || c == '\n' || c == '\r') {
                return field.toString();
            }
            field.append((char) c);
            pos++;
        }
    }

    private int peek() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
