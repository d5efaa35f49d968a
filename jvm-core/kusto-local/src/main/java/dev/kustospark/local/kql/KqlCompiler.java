package dev.kustospark.local.kql;

import dev.kustospark.local.KustoException;

/** Compiles a KQL query into DuckDB SQL. */
public final class KqlCompiler {
    private KqlCompiler() {}

    /**
     * Parses and translates {@code text} against {@code context}.
     *
     * @throws KustoException with a syntax or semantic error naming the construct and its position
     */
    public static CompiledQuery compile(String text, KqlContext context) {
        throw KustoException.unsupported("queries (compiler not yet wired)", 1, 1);
    }
}
