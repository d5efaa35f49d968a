package dev.kustospark.local.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.local.KustoException;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of JSONPath that ingestion mappings use: {@code $}, {@code $.a.b},
 * {@code $['a b']}, {@code $["a"]} and array indexes {@code $.a[0]}.
 */
final class JsonPath {
    private final String text;
    /** Each step is a String (property) or an Integer (array index). */
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    static JsonPath parse(String text) {
        String p = text.trim();
        if (p.isEmpty() || p.charAt(0) != '$') {
            throw invalid(text, "a path starts with '$'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                    i++;
                }
                if (i == start) {
                    throw invalid(text, "empty property name at position " + start);
                }
                steps.add(p.substring(start, i));
            } else if (c == '[') {
                i++;
                if (i < p.length() && (p.charAt(i) == '\'' || p.charAt(i) == '"')) {
                    char quote = p.charAt(i++);
                    StringBuilder name = new StringBuilder();
                    while (i < p.length() && p.charAt(i) != quote) {
                        if (p.charAt(i) == '\\' && i + 1 < p.length()) {
                            i++;
                        }
                        name.append(p.charAt(i++));
                    }
                    if (i + 1 >= p.length() || p.charAt(i + 1) != ']') {
                        throw invalid(text, "unclosed bracket");
                    }
                    i += 2;
                    steps.add(name.toString());
                } else {
                    int close = p.indexOf(']', i);
                    if (close < 0) {
                        throw invalid(text, "unclosed bracket");
                    }
                    String index = p.substring(i, close).trim();
                    try {
                        steps.add(Integer.valueOf(index));
                    } catch (NumberFormatException e) {
                        throw invalid(text, "'" + index + "' is not an array index (filters and wildcards are not supported)");
                    }
                    i = close + 1;
                }
            } else {
                throw invalid(text, "unexpected '" + c + "' at position " + i);
            }
        }
        return new JsonPath(text, steps);
    }

    /** The path {@code $['name']} of one top-level property. */
    static JsonPath property(String name) {
        return new JsonPath("$['" + name + "']", List.of(name));
    }

    private static KustoException invalid(String text, String why) {
        return KustoException.badRequest("Invalid JSON path '" + text + "' in the ingestion mapping: " + why + ".");
    }

    /** The node the path selects, or {@code null} when the document has nothing there. */
    JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            if (step instanceof String name) {
                node = node.isObject() ? node.get(name) : null;
            } else {
                int index = (Integer) step;
                if (!node.isArray()) {
                    return null;
                }
                node = node.get(index < 0 ? node.size() + index : index);
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
