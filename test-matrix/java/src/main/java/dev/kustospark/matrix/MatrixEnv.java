package dev.kustospark.matrix;

import java.nio.file.Path;
import java.util.Map;

/**
 * What test-matrix/run.sh gives every language: the servers, the language's table suffix and the
 * results file (see test-matrix/README.md).
 *
 * @param url a kusto-local with Azurite and the table MatrixNumbers in database {@code matrix}
 * @param authUrl a kusto-local with the same data that requires {@code Authorization: Bearer <token>}
 * @param token the token {@code authUrl} accepts
 * @param faultyUrl a kusto-local with Azurite whose first queued ingestion fails
 * @param lang the suffix of the tables this language writes
 * @param out the results file
 * @param checksumSql the text of test-matrix/scenarios/checksum.sql
 */
record MatrixEnv(String url, String authUrl, String token, String faultyUrl, String lang, Path out, String checksumSql) {
    static final String DATABASE = "matrix";

    static MatrixEnv from(Map<String, String> env, String checksumSql) {
        return new MatrixEnv(required(env, "KUSTO_MATRIX_URL"), required(env, "KUSTO_MATRIX_AUTH_URL"),
                required(env, "KUSTO_MATRIX_TOKEN"), required(env, "KUSTO_MATRIX_FAULTY_URL"),
                required(env, "KUSTO_MATRIX_LANG"), Path.of(required(env, "KUSTO_MATRIX_OUT")), checksumSql);
    }

    /** A table this language writes: {@code <name>_<lang>}, so languages never share one. */
    String table(String name) {
        return name + "_" + lang;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; test-matrix/run.sh sets it"
                    + " (see test-matrix/README.md)");
        }
        return value;
    }

    @Override
    public String toString() {
        // The token is a credential, even a test one: records print every component otherwise.
        return "MatrixEnv[url=" + url + ", authUrl=" + authUrl + ", faultyUrl=" + faultyUrl + ", lang=" + lang + "]";
    }
}
