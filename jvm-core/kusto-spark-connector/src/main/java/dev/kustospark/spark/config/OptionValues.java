package dev.kustospark.spark.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.spark.AsciiNumbers;
import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.Json;
import dev.kustospark.spark.ReadMode;
import dev.kustospark.spark.SchemaAdjustmentMode;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The checks and conversions of option values, one per {@link KustoOption.Kind}; every message names the option. */
final class OptionValues {
    private static final Set<String> TRANSIENT_STORAGE_FIELDS = Set.of("storageCredentials", "endpointSuffix");
    private static final Set<String> STORAGE_CREDENTIAL_FIELDS = Set.of("storageAccountName", "blobContainer", "sasUrl",
            "sasKey", "storageAccountKey");
    private static final Set<String> INGESTION_STORAGE_FIELDS = Set.of("storageUrl", "containerName", "userMsi", "sas");

    private OptionValues() {}

    static String canonical(KustoOption option, String value) {
        if (value == null) {
            throw new KustoOptionException("Option " + option.key() + " has no value; " + expected(option));
        }
        String v = value.trim();
        return switch (option.kind) {
            case TEXT -> requireText(option, value);
            case CLUSTER -> ClusterUrl.normalize(requireText(option, value));
            case URL -> url(option, v);
            case BOOLEAN -> Boolean.toString(bool(option, v));
            case SECONDS -> Long.toString(inRange(option, v));
            case INT -> Long.toString(inRange(option, v));
            case READ_MODE -> enumValue(option, v, ReadMode::parseOrNull).name();
            case WRITE_MODE -> enumValue(option, v, WriteMode::parseOrNull).name();
            case TABLE_CREATION_MODE -> enumValue(option, v, TableCreationMode::parseOrNull).name();
            case SCHEMA_ADJUSTMENT_MODE -> enumValue(option, v, SchemaAdjustmentMode::parseOrNull).name();
            case STORAGE_PROTOCOL -> oneOf(option, v, KustoOption.STORAGE_PROTOCOLS);
            case AUTH_METHOD -> oneOf(option, v, KustoOption.AUTH_METHODS);
            case WRITE_RESULT_LIMIT -> v.equalsIgnoreCase("none") ? "none" : Integer.toString(positiveInt(option, v));
            case JSON_OBJECT -> jsonObject(option, v).toString();
            case CLIENT_REQUEST_PROPERTIES -> clientRequestProperties(option, v).toJson();
            case SPARK_INGESTION_PROPERTIES -> sparkIngestionProperties(option, v).toJson();
            case TRANSIENT_STORAGE -> transientStorage(option, v).toString();
            case INGESTION_STORAGE -> ingestionStorage(option, v).toString();
        };
    }

    static String expected(KustoOption option) {
        return switch (option.kind) {
            case TEXT -> "expected a non-empty string";
            case CLUSTER -> "expected a cluster URL or name";
            case URL -> "expected an absolute http(s) URL";
            case BOOLEAN -> "allowed values: true, false";
            case SECONDS -> "expected a whole number of seconds from " + option.minimum() + " to " + option.maximum();
            case INT -> "expected a whole number from " + option.minimum() + " to " + option.maximum();
            case READ_MODE -> "allowed values: " + ReadMode.allowedValues();
            case WRITE_MODE -> "allowed values: " + WriteMode.allowedValues();
            case TABLE_CREATION_MODE -> "allowed values: " + TableCreationMode.allowedValues();
            case SCHEMA_ADJUSTMENT_MODE -> "allowed values: " + SchemaAdjustmentMode.allowedValues();
            case STORAGE_PROTOCOL -> "allowed values: " + String.join(", ", KustoOption.STORAGE_PROTOCOLS);
            case AUTH_METHOD -> "allowed values: " + String.join(", ", KustoOption.AUTH_METHODS);
            case WRITE_RESULT_LIMIT -> "expected a whole number > 0 or none";
            case JSON_OBJECT -> "expected a JSON object";
            case CLIENT_REQUEST_PROPERTIES -> "expected {\"Options\":{...},\"Parameters\":{...}}";
            case SPARK_INGESTION_PROPERTIES -> "expected a JSON object with fields "
                    + String.join(", ", SparkIngestionProperties.FIELDS);
            case TRANSIENT_STORAGE -> "expected {\"storageCredentials\":[...],\"endpointSuffix\":\"core.windows.net\"}";
            case INGESTION_STORAGE -> "expected [{\"storageUrl\":...,\"containerName\":...,\"userMsi\"|\"sas\":...}]";
        };
    }

    private static KustoOptionException bad(KustoOption option, String value, String detail) {
        return new KustoOptionException("Option " + option.key() + " has value " + option.shown(value) + ": "
                + (detail == null ? expected(option) : detail) + ".");
    }

    static String requireText(KustoOption option, String value) {
        if (value.isBlank()) {
            throw new KustoOptionException("Option " + option.key() + " is empty; " + expected(option) + ".");
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

    /** A whole number in the option's range (an {@code INT} option's range lies within int). */
    static long inRange(KustoOption option, String value) {
        try {
            long n = AsciiNumbers.parseLong(value);
            if (n >= option.minimum() && n <= option.maximum()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw bad(option, value, null);
    }

    static int positiveInt(KustoOption option, String value) {
        try {
            int n = AsciiNumbers.parseInt(value);
            if (n > 0) {
                return n;
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

    /** The enum value named {@code value} ignoring case, as the enum's {@code parseOrNull} finds it. */
    private static <E extends Enum<E>> E enumValue(KustoOption option, String value, Function<String, E> parseOrNull) {
        E parsed = parseOrNull.apply(value);
        if (parsed == null) {
            throw bad(option, value, null);
        }
        return parsed;
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
                    + ". " + capitalized(expected(option)) + ".");
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
            throw new KustoOptionException(e.getMessage() + "; " + expected(option) + ".");
        }
    }

    /** The established connector's transient storage JSON, checked field by field; values never printed. */
    static JsonNode transientStorage(KustoOption option, String value) {
        JsonNode root = jsonObject(option, value);
        requireFields(option, root, TRANSIENT_STORAGE_FIELDS, "");
        JsonNode credentials = root.get("storageCredentials");
        if (credentials == null || !credentials.isArray() || credentials.isEmpty()) {
            throw new KustoOptionException("Option " + option.key() + " needs a non-empty storageCredentials array; "
                    + expected(option) + ".");
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
                    + expected(option) + ".");
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
