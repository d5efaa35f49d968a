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
            "strcat_array");

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
            default:
                return bagPack(site, args);
        }
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
