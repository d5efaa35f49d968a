package dev.kustospark.local.kql.functions;

import java.math.BigInteger;

/**
 * XXH64 (seed 0), the hash behind Kusto's {@code hash()}, written as DuckDB SQL. Arithmetic runs
 * on UHUGEINT, whose 128 bits hold any product of two 64-bit words, and is masked back to 64 bits.
 * Bytes are read from the upper-case hex text of the input; each intermediate state is bound once
 * through {@link Sql#let} so the expression grows linearly, not exponentially.
 */
final class XxHash64Sql {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger P1_VALUE = new BigInteger("11400714785074694791");
    private static final BigInteger P2_VALUE = new BigInteger("14029467366897019727");

    private static final String MASK = "18446744073709551615::UHUGEINT";
    private static final String MASK_SIGNED = "18446744073709551615::HUGEINT";
    private static final String P1 = u(P1_VALUE);
    private static final String P2 = u(P2_VALUE);
    private static final String P3 = u(new BigInteger("1609587929392839161"));
    private static final String P4 = u(new BigInteger("9650029242287828579"));
    private static final String P5 = u(new BigInteger("2870177450012600261"));
    private static final String V1_START = u(P1_VALUE.add(P2_VALUE).mod(TWO_64));
    private static final String V2_START = P2;
    private static final String V3_START = "0::UHUGEINT";
    private static final String V4_START = u(TWO_64.subtract(P1_VALUE));

    private XxHash64Sql() {}

    private static String u(BigInteger value) {
        return value + "::UHUGEINT";
    }

    private static String mul(String a, String b) {
        return "(((" + a + ") * (" + b + ")) & " + MASK + ")";
    }

    private static String add(String a, String b) {
        return "(((" + a + ") + (" + b + ")) & " + MASK + ")";
    }

    private static String xor(String a, String b) {
        return "xor(" + a + ", " + b + ")";
    }

    /** Rotate left; {@code x} must be a bound name (it appears twice). */
    private static String rotl(String x, int bits) {
        return "((((" + x + ") << " + bits + ") | ((" + x + ") >> " + (64 - bits) + ")) & " + MASK + ")";
    }

    /**
     * The XXH64 round. Its operands are repeated inside (rotation needs its argument twice), so
     * callers pass bound names or lambda parameters, never large expressions.
     */
    private static String round(String acc, String input) {
        return mul(rotl(add(acc, mul(input, P2)), 31), P1);
    }

    /** The little-endian unsigned integer of {@code bytes} bytes at byte offset {@code offset} of hex text. */
    private static String lane(String hex, String offset, int bytes) {
        StringBuilder reversed = new StringBuilder("('0x'");
        for (int j = bytes - 1; j >= 0; j--) {
            reversed.append(" || substr(").append(hex).append(", 2 * (").append(offset).append(" + ").append(j)
                    .append(") + 1, 2)");
        }
        return "CAST(CAST(" + reversed + ") AS UBIGINT) AS UHUGEINT)";
    }

    /**
     * XXH64 of the bytes whose upper-case hex text {@code hexSql} gives, as an unsigned UHUGEINT.
     * The 32-byte stripes are folded by one list_reduce, and the 0 to 31 bytes after them (up to
     * three 8-byte lanes, one 4-byte word, three single bytes) by a second one over a list of
     * (kind, value) chunks, so each row runs a handful of lambdas whatever its length.
     */
    static String ofHex(String hexSql) {
        return Sql.let(hexSql, hex -> Sql.let("(length(" + hex + ") // 2)", n -> {
            String stripes = "list_reduce(list_transform(range(" + n + " // 32), lambda __xs: {'i': __xs, "
                    + "'v1': 0::UHUGEINT, 'v2': 0::UHUGEINT, 'v3': 0::UHUGEINT, 'v4': 0::UHUGEINT}), "
                    + "lambda __xacc, __xcur: {'i': __xcur.i"
                    + ", 'v1': " + round("__xacc.v1", lane(hex, "__xcur.i * 32", 8))
                    + ", 'v2': " + round("__xacc.v2", lane(hex, "__xcur.i * 32 + 8", 8))
                    + ", 'v3': " + round("__xacc.v3", lane(hex, "__xcur.i * 32 + 16", 8))
                    + ", 'v4': " + round("__xacc.v4", lane(hex, "__xcur.i * 32 + 24", 8)) + "}, "
                    + "{'i': -1, 'v1': " + V1_START + ", 'v2': " + V2_START + ", 'v3': " + V3_START
                    + ", 'v4': " + V4_START + "})";
            String converged = Sql.let(stripes, v -> {
                String h = add(add(add(rotl(v + ".v1", 1), rotl(v + ".v2", 7)), rotl(v + ".v3", 12)),
                        rotl(v + ".v4", 18));
                for (String lane : new String[] {".v1", ".v2", ".v3", ".v4"}) {
                    final String accumulated = h;
                    h = Sql.let(accumulated, acc -> merge(acc, v + lane));
                }
                return h;
            });
            String h = add("(CASE WHEN " + n + " >= 32 THEN " + converged + " ELSE " + P5 + " END)",
                    "CAST(" + n + " AS UHUGEINT)");
            return avalanche(tail(hex, n, h));
        }));
    }

    /** Folds the bytes after the last full stripe into {@code h}. */
    private static String tail(String hex, String n, String h) {
        String start = "((" + n + " // 32) * 32)";
        String rest = "(" + n + " - " + start + ")";
        String lanes = "(" + rest + " // 8)";
        String word = "(CASE WHEN " + rest + " % 8 >= 4 THEN 1 ELSE 0 END)";
        String count = "(" + lanes + " + " + word + " + " + rest + " % 4)";
        String k = "__xk";
        String kind = "(CASE WHEN " + k + " < " + lanes + " THEN 8 WHEN " + k + " = " + lanes + " AND " + word
                + " = 1 THEN 4 ELSE 1 END)";
        String offset = "(CASE WHEN " + k + " < " + lanes + " THEN " + start + " + 8 * " + k
                + " WHEN " + k + " = " + lanes + " AND " + word + " = 1 THEN " + start + " + 8 * " + lanes
                + " ELSE " + start + " + 8 * " + lanes + " + 4 * " + word + " + (" + k + " - " + lanes + " - " + word
                + ") END)";
        String chunks = "list_transform(range(" + count + "), lambda " + k + ": {'kind': " + kind + ", 'v': "
                + "(CASE " + kind + " WHEN 8 THEN " + lane(hex, offset, 8) + " WHEN 4 THEN " + lane(hex, offset, 4)
                + " ELSE " + lane(hex, offset, 1) + " END)})";
        String acc = "__xh.v";
        String chunk = "__xc.v";
        String step = "(CASE __xc.kind WHEN 8 THEN " + step8(acc, chunk) + " WHEN 4 THEN " + step4(acc, chunk)
                + " ELSE " + step1(acc, chunk) + " END)";
        return "list_reduce(" + chunks + ", lambda __xh, __xc: {'kind': 0, 'v': " + step + "}, {'kind': 0, 'v': "
                + h + "}).v";
    }

    /** XXH64 of one 64-bit word given as a UHUGEINT below 2^64 (an 8-byte little-endian input). */
    static String ofWord(String word) {
        return avalanche(Sql.let(word, w -> step8(add(P5, "8::UHUGEINT"), w)));
    }

    private static String merge(String acc, String value) {
        return add(mul(xor(acc, round("0::UHUGEINT", value)), P1), P4);
    }

    private static String step8(String h, String lane) {
        String x = xor(h, round("0::UHUGEINT", lane));
        return add(mul(rotl(x, 27), P1), P4);
    }

    private static String step4(String h, String lane) {
        String x = xor(h, mul(lane, P1));
        return add(mul(rotl(x, 23), P2), P3);
    }

    private static String step1(String h, String oneByte) {
        String x = xor(h, mul(oneByte, P5));
        return mul(rotl(x, 11), P1);
    }

    /** The final mix; its input is bound once, so the three shift-xors repeat only that name (8 times). */
    private static String avalanche(String h) {
        return Sql.let(h, x -> {
            String a = mul(xor(x, "(" + x + " >> 33)"), P2);
            String b = mul(xor(a, "(" + a + " >> 29)"), P3);
            return xor(b, "(" + b + " >> 32)");
        });
    }

    /** An unsigned 64-bit hash as Kusto's signed long. */
    static String toSignedLong(String hash) {
        return Sql.let(hash, h -> "CAST(CASE WHEN " + h + " >= 9223372036854775808::UHUGEINT THEN CAST(" + h
                + " AS HUGEINT) - 18446744073709551616::HUGEINT ELSE CAST(" + h + " AS HUGEINT) END AS BIGINT)");
    }

    /**
     * A signed BIGINT's two's-complement bits as a UHUGEINT below 2^64: the low 64 bits of its
     * 128-bit two's complement, taken with a bitwise AND (a 128-bit modulo costs about 6 us a row).
     */
    static String unsignedWord(String signed) {
        return "CAST(CAST(" + signed + " AS HUGEINT) & " + MASK_SIGNED + " AS UHUGEINT)";
    }

    /**
     * {@code unsigned % mod} for an unsigned hash below 2^64 and a positive BIGINT {@code mod}, in
     * 64-bit arithmetic (the same remainder as on UHUGEINT, many times cheaper).
     */
    static String unsignedMod(String unsigned, String mod) {
        return "CAST(CAST(" + unsigned + " AS UBIGINT) % CAST(" + mod + " AS UBIGINT) AS BIGINT)";
    }
}
