package dev.kustospark.local.kql.functions;

/** A plain Java XXH64 (seed 0), written from the published algorithm, to check the SQL against. */
final class Xxh64Reference {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private Xxh64Reference() {}

    static long hash(byte[] b) {
        int n = b.length;
        int i = 0;
        long h;
        if (n >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            while (i + 32 <= n) {
                v1 = round(v1, word(b, i));
                v2 = round(v2, word(b, i + 8));
                v3 = round(v3, word(b, i + 16));
                v4 = round(v4, word(b, i + 24));
                i += 32;
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(merge(merge(merge(h, v1), v2), v3), v4);
        } else {
            h = P5;
        }
        h += n;
        while (i + 8 <= n) {
            h ^= round(0, word(b, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i + 4 <= n) {
            h ^= (Integer.toUnsignedLong(b[i] & 0xFF | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16
                    | (b[i + 3] & 0xFF) << 24)) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < n) {
            h ^= (b[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    static long unsignedMod(byte[] b, long mod) {
        return Long.remainderUnsigned(hash(b), mod);
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long acc, long v) {
        return (acc ^ round(0, v)) * P1 + P4;
    }

    private static long word(byte[] b, int i) {
        long w = 0;
        for (int j = 7; j >= 0; j--) {
            w = w << 8 | (b[i + j] & 0xFFL);
        }
        return w;
    }
}
