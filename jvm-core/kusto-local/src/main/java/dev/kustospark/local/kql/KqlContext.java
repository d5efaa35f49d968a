package dev.kustospark.local.kql;

import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.TableSource;
import java.time.Instant;
import java.util.Map;

/**
 * What a KQL query is compiled against.
 *
 * @param database       the database of the request (already resolved)
 * @param catalog        tables and their schemas
 * @param parameters     query parameter values from ClientRequestProperties {@code Parameters}: a String
 *                       (a raw string value, or a CSL literal such as {@code int(5)} as the Java SDK
 *                       sends) or a JSON scalar (Number, Boolean) as the Python SDK sends; interpreted
 *                       by the type that {@code declare query_parameters} gives
 * @param now            the instant {@code now()} and {@code ago()} see, fixed for the whole query
 * @param commandResults rows of a piped management command ({@code $command_results}), or null
 */
public record KqlContext(String database, Catalog catalog, Map<String, Object> parameters, Instant now,
        TableSource commandResults) {
    public KqlContext {
        parameters = Map.copyOf(parameters);
    }
}
