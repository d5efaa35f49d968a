package dev.kustospark.local.kql.functions;

import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Functions building or measuring dynamic arrays and property bags. */
final class DynamicFunctions {
    private static final Set<String> NAMES = Set.of("array_length", "pack_array", "bag_pack", "pack", "bag_keys",
            "strcat_array", "dynamic_to_json");

    /**
     * How deeply dynamic_to_json follows nested arrays and bags. The canonical text is built by SQL
     * written out level by level (DuckDB has no recursive scalar functions), and DuckDB's time to bind
     * it grows quickly with the depth (about 20 ms at 8 levels, 300 ms at 16); a deeper value fails
     * naming the limit instead of being cut.
     */
    static final int CANONICAL_DEPTH = 8;

    private DynamicFunctions() {}

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    static TypedSql call(CallSite site, List<TypedSql> args) {
        switch (site.name()) {
            case "array_length":
                Sql.arity(site, args, 1, 1);
                Sql.requireType(site, args.get(0), "the argument", KustoType.DYNAMIC);
                // not an array: null, as documented
                return TypedSql.of(Sql.let(args.get(0).sql(), j -> "(CASE WHEN json_type(" + j + ") = 'ARRAY' THEN "
                        + "CAST(json_array_length(" + j + ") AS BIGINT) END)"), KustoType.LONG);
            case "pack_array":
                Sql.arity(site, args, 1, Integer.MAX_VALUE);
                List<String> elements = new ArrayList<>();
                for (TypedSql a : args) {
                    elements.add(Sql.toJsonElement(a.sql(), a.type()));
                }
                return TypedSql.of("json_array(" + String.join(", ", elements) + ")", KustoType.DYNAMIC);
            case "bag_keys":
                Sql.arity(site, args, 1, 1);
                Sql.requireType(site, args.get(0), "the argument", KustoType.DYNAMIC);
                return TypedSql.of(Sql.let(args.get(0).sql(), j -> "(CASE WHEN json_type(" + j + ") = 'OBJECT' THEN "
                        + "CAST(to_json(json_keys(" + j + ")) AS JSON) END)"), KustoType.DYNAMIC);
            case "strcat_array":
                Sql.arity(site, args, 2, 2);
                Sql.requireType(site, args.get(0), "the array", KustoType.DYNAMIC);
                // each element as tostring() gives it: strings unquoted, null as empty
                return TypedSql.of(Sql.let(args.get(0).sql(), j -> "coalesce((CASE WHEN json_type(" + j
                        + ") = 'ARRAY' THEN array_to_string(list_transform(json_extract_string(" + j
                        + ", '$[*]'), lambda __ke: coalesce(__ke, '')), " + Sql.toStringSql(args.get(1)) + ") END), '')"),
                        KustoType.STRING);
            case "dynamic_to_json":
                Sql.arity(site, args, 1, 1);
                return dynamicToJson(args.get(0));
            default:
                return bagPack(site, args);
        }
    }

    /**
     * dynamic_to_json: an array or bag as JSON text with every bag's properties sorted by name, the
     * same text for equal values whatever their order; any other value as tostring() gives it.
     */
    private static TypedSql dynamicToJson(TypedSql arg) {
        if (arg.type() != KustoType.DYNAMIC) {
            return TypedSql.of(Sql.toStringSql(arg), KustoType.STRING);
        }
        return TypedSql.of(Sql.let(arg.sql(), j -> "(CASE WHEN json_type(" + j + ") IN ('OBJECT', 'ARRAY') THEN "
                + canonical(j, CANONICAL_DEPTH) + " ELSE " + Sql.toStringSql(TypedSql.of(j, KustoType.DYNAMIC)) + " END)"),
                KustoType.STRING);
    }

    /** The canonical text of the JSON value {@code j}, nested arrays and bags down to {@code depth} levels. */
    private static String canonical(String j, int depth) {
        String nested = "json_type(" + j + ") IN ('OBJECT', 'ARRAY')";
        if (depth == 0) {
            return "(CASE WHEN " + nested + " THEN error('dynamic_to_json: the value nests arrays and bags more than "
                    + CANONICAL_DEPTH + " levels deep') ELSE CAST(" + j + " AS VARCHAR) END)";
        }
        String p = "__dj" + depth;
        // one list of (prefix, value) for both kinds, so that the next level is written out only once
        String items = "(CASE json_type(" + j + ") WHEN 'OBJECT' THEN list_transform(list_sort(map_entries(CAST(" + j
                + " AS MAP(VARCHAR, JSON)))), lambda " + p + ": {'k': to_json(" + p + ".key) || ':', 'v': coalesce(" + p
                + ".value, 'null'::JSON)}) ELSE list_transform(CAST(" + j + " AS JSON[]), lambda " + p + ": {'k': '', 'v': coalesce("
                + p + ", 'null'::JSON)}) END)";
        String q = "__dk" + depth;
        return "(CASE WHEN " + nested + " THEN (CASE json_type(" + j + ") WHEN 'OBJECT' THEN '{' ELSE '[' END) || "
                + "coalesce(array_to_string(list_transform(" + items + ", lambda " + q + ": " + q + ".k || "
                + canonical(q + ".v", depth - 1) + "), ','), '') || (CASE json_type(" + j + ") WHEN 'OBJECT' THEN '}' ELSE ']'"
                + " END) ELSE CAST(" + j + " AS VARCHAR) END)";
    }

    /** bag_pack(key1, value1, ...): a property bag; a null value is kept as a JSON null. */
    private static TypedSql bagPack(CallSite site, List<TypedSql> args) {
        if (args.size() % 2 != 0) {
            throw site.error("expects an even number of arguments (keys and values), got " + args.size());
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            Sql.requireType(site, args.get(i), "a key", KustoType.STRING);
            parts.add(Sql.toStringSql(args.get(i)));
            parts.add(Sql.toJsonElement(args.get(i + 1).sql(), args.get(i + 1).type()));
        }
        return TypedSql.of("json_object(" + String.join(", ", parts) + ")", KustoType.DYNAMIC);
    }
}
