package dev.kustospark.spark.config;

import dev.kustospark.spark.KustoOption.Side;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.compat.ScalaCollections;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Connection profiles in the Spark conf, selected by the option {@code spark.synapse.linkedService}:
 * {@code spark.kusto.linkedService.<NAME>.cluster}, {@code .database} and authentication options
 * under their option names ({@code .kustoAadAppId}, {@code .kustoAadAppSecret}, {@code .accessToken}...).
 * Profile names and settings match case-insensitively.
 */
public final class LinkedServices {
    static final String PREFIX = "spark.kusto.linkedService.";

    private LinkedServices() {}

    /** The Spark conf entries options may refer to (linked-service profiles); empty without a session. */
    public static Map<String, String> sparkConf() {
        Map<String, String> conf = new HashMap<>();
        SparkSession.getActiveSession().foreach(session -> {
            ScalaCollections.asJava(session.conf().getAll()).forEach((key, value) -> {
                String lower = key.toLowerCase(Locale.ROOT);
                if (lower.startsWith("spark.kusto.") || lower.startsWith("spark.synapse.")) {
                    conf.put(key, value);
                }
            });
            return null;
        });
        return conf;
    }

    static Map<KustoOption, String> profile(String name, Map<String, String> sparkConf) {
        Map<KustoOption, String> values = new EnumMap<>(KustoOption.class);
        TreeSet<String> configured = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        String prefixLower = PREFIX.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : sparkConf.entrySet()) {
            String key = e.getKey();
            if (!key.toLowerCase(Locale.ROOT).startsWith(prefixLower)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                continue;
            }
            String profile = rest.substring(0, dot);
            configured.add(profile);
            if (!profile.equalsIgnoreCase(name)) {
                continue;
            }
            KustoOption option = setting(key, rest.substring(dot + 1));
            try {
                values.put(option, option.validate(e.getValue()));
            } catch (KustoOptionException bad) {
                throw new KustoOptionException("Spark conf " + key + " (linked service " + name + "): "
                        + bad.getMessage(), bad);
            }
        }
        if (values.isEmpty()) {
            throw new KustoOptionException("Option spark.synapse.linkedService names '" + name
                    + "', but the Spark conf has no profile of that name; "
                    + (configured.isEmpty() ? "no profiles are configured"
                            : "configured profiles: " + String.join(", ", configured))
                    + ". Set " + PREFIX + name + ".cluster and " + PREFIX + name + ".database (and authentication"
                    + " such as " + PREFIX + name + ".kustoAadAppId) in the Spark conf.");
        }
        return values;
    }

    private static KustoOption setting(String key, String setting) {
        if (setting.equalsIgnoreCase("cluster")) {
            return KustoOption.KUSTO_CLUSTER;
        }
        if (setting.equalsIgnoreCase("database")) {
            return KustoOption.KUSTO_DATABASE;
        }
        return KustoOption.forKey(setting)
                .filter(o -> o.side() == Side.COMMON && o != KustoOption.LINKED_SERVICE)
                .orElseThrow(() -> new KustoOptionException("Spark conf " + key + ": '" + setting
                        + "' is not a linked service setting; allowed: " + String.join(", ", allowedSettings()) + "."));
    }

    static List<String> allowedSettings() {
        return Stream.concat(Stream.of("cluster", "database"), Arrays.stream(KustoOption.values())
                        .filter(o -> o.side() == Side.COMMON && o != KustoOption.LINKED_SERVICE
                                && o != KustoOption.KUSTO_CLUSTER && o != KustoOption.KUSTO_DATABASE)
                        .map(KustoOption::key))
                .toList();
    }
}
