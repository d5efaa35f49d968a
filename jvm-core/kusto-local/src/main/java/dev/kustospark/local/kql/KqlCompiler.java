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
        if (text == null || text.isBlank()) {
            throw KustoException.syntaxError("the query is empty", 1, 1);
        }
        return new QueryTranslator(context).translate(Parser.parse(text));
    }
}
