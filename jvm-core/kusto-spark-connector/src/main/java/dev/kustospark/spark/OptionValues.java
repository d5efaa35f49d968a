package dev.kustospark.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.internal.AsciiNumbers;
import dev.kustospark.spark.internal.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks and conversions of option values, one per {@link KustoOption.Kind}; every message names the option. */
final class OptionValues {
    private static final Set<String> TRANSIENT_STORAGE_FIELDS = Set.of("storageCredentials", "endpointSuffix");
    private static final Set<String> STORAGE_CREDENTIAL_FIELDS = Set.of("storageAccountName", "blobContainer", "sasUrl",
            "sasKey", "storageAccountKey");
    private static final Set<String> INGESTION_STORAGE_FIELDS = Set.of("storageUrl", "containerName", "userMsi", "sas");

    private OptionValues() {}

    static String canonical(KustoOption option, String value) {
        if (value == null) {
            throw new KustoOptionException("Option " + option.key() + " has no value; " + option.expected());
        }
        String v = value.trim();
        return switch (option.kind) {
            case TEXT -> requireText(option, value);
            case CLUSTER -> ClusterUrl.normalize(requireText(option, value));
            case URL -> url(option, v);
            case BOOLEAN -> Boolean.toString(bool(option, v));
            case INTEGER, SECONDS -> wholeNumber(option, v);
            case ENUM -> oneOf(option, v, option.allowedValues());
            case JSON_OBJECT -> jsonObject(option, v).toString();
            case CLIENT_REQUEST_PROPERTIES -> clientRequestProperties(option, v).toJson();
            case SPARK_INGESTION_PROPERTIES -> sparkIngestionProperties(option, v).toJson();
            case TRANSIENT_STORAGE -> transientStorage(option, v).toString();
            case INGESTION_STORAGE -> ingestionStorage(option, v).toString();
        };
    }

    private static KustoOptionException bad(KustoOption option, String value, String detail) {
        return new KustoOptionException("Option " + option.key() + " has value " + option.shown(value) + ": "
                + (detail == null ? option.expected() : detail) + ".");
    }

    static String requireText(KustoOption option, String value) {
        if (value.isBlank()) {
            throw new KustoOptionException("Option " + option.key() + " is empty; " + option.expected() + ".");
        }
        return value;
    }

    static boolean bool(KustoOption option, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(option, value, null);
    }

    /** A whole number within the option's bounds, or one of its keywords, in canonical form. */
    static String wholeNumber(KustoOption option, String value) {
        for (String keyword : option.keywords()) {
            if (keyword.equalsIgnoreCase(value)) {
                return keyword;
            }
        }
        try {
            long n = AsciiNumbers.parseLong(value);
            if (n >= option.minimum() && n <= option.maximum()) {
                return Long.toString(n);
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw bad(option, value, null);
    }

    static String url(KustoOption option, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
                return stripTrailingSlash(value);
            }
        } catch (URISyntaxException e) {
            // reported below with the option's name
        }
        throw bad(option, value, null);
    }

    static String stripTrailingSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String oneOf(KustoOption option, String value, List<String> allowed) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> bad(option, value, null));
    }

    static ClientRequestProperties clientRequestProperties(KustoOption option, String value) {
        try {
            return ClientRequestProperties.fromJson(value);
        } catch (IllegalArgumentException e) {
            throw new KustoOptionException("Option " + option.key() + " is invalid: " + e.getMessage()
                    + ". " + capitalized(option.expected()) + ".");
        }
    }

    static SparkIngestionProperties sparkIngestionProperties(KustoOption option, String value) {
        try {
            return SparkIngestionProperties.fromJson(value);
        } catch (IllegalArgumentException e) {
            throw new KustoOptionException("Option " + option.key() + " is invalid: " + e.getMessage() + ".");
        }
    }

    static JsonNode jsonObject(KustoOption option, String value) {
        JsonNode node = json(option, value);
        if (!node.isObject()) {
            throw new KustoOptionException("Option " + option.key() + " must be a JSON object, not a "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ".");
        }
        return node;
    }

    private static JsonNode json(KustoOption option, String value) {
        try {
            return Json.parse(value, "Option " + option.key());
        } catch (IllegalArgumentException e) {
            // Json.parse never quotes the input, so a secret option's message stays clean.
            throw new KustoOptionException(e.getMessage() + "; " + option.expected() + ".");
        }
    }

    /** The established connector's transient storage JSON, checked field by field; values never printed. */
    static JsonNode transientStorage(KustoOption option, String value) {
        JsonNode root = jsonObject(option, value);
        requireFields(option, root, TRANSIENT_STORAGE_FIELDS, "");
        JsonNode credentials = root.get("storageCredentials");
        if (credentials == null || !credentials.isArray() || credentials.isEmpty()) {
            throw new KustoOptionException("Option " + option.key() + " needs a non-empty storageCredentials array; "
                    + option.expected() + ".");
        }
        int i = 0;
        for (JsonNode c : credentials) {
            String where = "storageCredentials[" + i++ + "]";
            if (!c.isObject()) {
                throw new KustoOptionException("Option " + option.key() + ": " + where + " must be a JSON object.");
            }
            requireFields(option, c, STORAGE_CREDENTIAL_FIELDS, where + ".");
            boolean hasSasUrl = c.hasNonNull("sasUrl");
            boolean hasAccount = c.hasNonNull("storageAccountName") && c.hasNonNull("blobContainer")
                    && (c.hasNonNull("sasKey") || c.hasNonNull("storageAccountKey"));
            if (!hasSasUrl && !hasAccount) {
                throw new KustoOptionException("Option " + option.key() + ": " + where + " needs sasUrl, or"
                        + " storageAccountName, blobContainer and sasKey or storageAccountKey.");
            }
        }
        return root;
    }

    static JsonNode ingestionStorage(KustoOption option, String value) {
        JsonNode root = json(option, value);
        if (!root.isArray() || root.isEmpty()) {
            throw new KustoOptionException("Option " + option.key() + " must be a non-empty JSON array; "
                    + option.expected() + ".");
        }
        int i = 0;
        for (JsonNode c : root) {
            String where = "[" + i++ + "]";
            if (!c.isObject()) {
                throw new KustoOptionException("Option " + option.key() + ": " + where + " must be a JSON object.");
            }
            requireFields(option, c, INGESTION_STORAGE_FIELDS, where + ".");
            if (!c.hasNonNull("storageUrl") || !c.hasNonNull("containerName")) {
                throw new KustoOptionException("Option " + option.key() + ": " + where
                        + " needs storageUrl and containerName.");
            }
        }
        return root;
    }

    private static void requireFields(KustoOption option, JsonNode object, Set<String> allowed, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                throw new KustoOptionException("Option " + option.key() + " has an unknown field '" + prefix + name
                        + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
