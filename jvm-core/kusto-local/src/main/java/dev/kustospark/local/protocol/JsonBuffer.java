package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 JSON text for result rows. Rows are the bulk of every large response,
 * so they are encoded here straight into bytes, without a generator call, a String or a boxed value
 * per cell; the frames around them still go through Jackson. Callers keep the structure valid
 * (commas, brackets): this class only encodes values.
 */
final class JsonBuffer {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /**
     * For each ASCII byte: 0 when it is written as is inside a JSON string, the letter of its short
     * escape ({@code \n}...), or 'u' for a {@code \\u00XX} escape. The same escapes Jackson writes.
     */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private byte[] bytes;
    private int size;

    JsonBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    int size() {
        return size;
    }

    /** Drops everything after {@code newSize}, e.g. a row cut short by a failure. */
    void truncate(int newSize) {
        size = newSize;
    }

    /** Writes the content to {@code out} and empties the buffer. */
    void writeTo(OutputStream out) throws IOException {
        if (size > 0) {
            out.write(bytes, 0, size);
            size = 0;
        }
    }

    /** The content as text; for tests. */
    @Override
    public String toString() {
        return new String(bytes, 0, size, java.nio.charset.StandardCharsets.UTF_8);
    }

    void ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
    }

    /** Appends text known to be ASCII and to need no escaping, such as a number's digits. */
    void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    /** Appends bytes that already are JSON text (a dynamic value as stored). */
    void raw(byte[] json) {
        raw(json, 0, json.length);
    }

    void raw(byte[] json, int offset, int length) {
        ensure(length);
        System.arraycopy(json, offset, bytes, size, length);
        size += length;
    }

    /** Appends text that already is JSON (a dynamic value as stored), UTF-8 encoded. */
    void raw(String json) {
        raw(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void nullValue() {
        raw(NULL);
    }

    void bool(boolean v) {
        raw(v ? TRUE : FALSE);
    }

    void number(long v) {
        ensure(20);
        size = NumberOutput.outputLong(v, bytes, size);
    }

    void number(int v) {
        ensure(11);
        size = NumberOutput.outputInt(v, bytes, size);
    }

    /** Appends {@code v} zero-padded to {@code digits} digits; {@code v} must be non-negative and fit. */
    void digits(long v, int digits) {
        ensure(digits);
        int end = size + digits;
        int i = end;
        while (i - size >= 2) {
            int pair = (int) (v % 100);
            v /= 100;
            bytes[--i] = (byte) ('0' + pair % 10);
            bytes[--i] = (byte) ('0' + pair / 10);
        }
        if (i > size) {
            bytes[--i] = (byte) ('0' + (int) v);
        }
        size = end;
    }

    /** Appends {@code v}, from 0 to 99, as two digits. */
    void twoDigits(int v) {
        ensure(2);
        bytes[size++] = (byte) ('0' + v / 10);
        bytes[size++] = (byte) ('0' + v % 10);
    }

    /** Appends {@code s} as a JSON string: quoted, escaped, UTF-8 encoded. */
    void string(String s) {
        int n = s.length();
        // Worst case per char: a 6-byte escape; a surrogate pair (2 chars) takes 4 bytes.
        ensure(n * 6 + 2);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escape(b, p, c, e);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; the escape keeps the text valid and the value intact.
                p = escape(b, p, c, (byte) 'u');
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        size = p;
    }

    /**
     * Appends UTF-8 text as a JSON string. Bytes from 0x80 up belong to multi-byte sequences and are
     * copied as they are; DuckDB only holds valid UTF-8.
     */
    void utf8String(byte[] utf8) {
        int n = utf8.length;
        int clean = 0;
        while (clean < n && (utf8[clean] < 0 || ESCAPES[utf8[clean]] == 0)) {
            clean++;
        }
        if (clean == n) {
            ensure(n + 2);
            bytes[size++] = '"';
            System.arraycopy(utf8, 0, bytes, size, n);
            size += n;
            bytes[size++] = '"';
            return;
        }
        ensure(clean + (n - clean) * 6 + 2);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        System.arraycopy(utf8, 0, b, p, clean);
        p += clean;
        for (int i = clean; i < n; i++) {
            byte c = utf8[i];
            byte e = c < 0 ? 0 : ESCAPES[c];
            if (e == 0) {
                b[p++] = c;
            } else {
                p = escape(b, p, (char) c, e);
            }
        }
        b[p++] = '"';
        size = p;
    }

    private static int escape(byte[] b, int p, char c, byte e) {
        b[p++] = '\\';
        if (e != 'u') {
            b[p++] = e;
            return p;
        }
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
