package dev.kustospark.spark.config;

import dev.kustospark.spark.KustoOption.Side;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of one read or write, checked against the registry: keys resolved case-insensitively,
 * values in canonical form, a linked-service profile merged in, the dispositions of the established
 * connector's options applied (a warning for an ignored one, an error for an unavailable one). Lives
 * only on the driver while a config is built.
 */
final class ParsedOptions {
    private static final Logger LOG = LoggerFactory.getLogger(ParsedOptions.class);
    /**
     * Keys Spark itself puts into the options ({@code load(path)}; a streaming query's
     * {@code checkpointLocation}), which mean nothing to this connector.
     */
    private static final Set<String> SPARK_KEYS = Set.of("path", "paths", "checkpointlocation");

    private final Side side;
    private final Map<KustoOption, String> values;

    private ParsedOptions(Side side, Map<KustoOption, String> values) {
        this.side = side;
        this.values = values;
    }

    static ParsedOptions parse(Map<String, String> options, Map<String, String> sparkConf, Side side) {
        Map<KustoOption, String> values = new EnumMap<>(KustoOption.class);
        Map<KustoOption, String> spelledAs = new EnumMap<>(KustoOption.class);
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            if (key == null || SPARK_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            KustoOption option = KustoOption.forKey(key).orElseThrow(() -> unknown(key, side));
            if (!option.appliesTo(side)) {
                throw new KustoOptionException("Option " + option.key() + " is a " + sideName(option.side())
                        + " option and does not apply to a " + sideName(side) + "; remove it.");
            }
            String canonical = option.validate(e.getValue());
            String previous = values.put(option, canonical);
            if (previous != null && !previous.equals(canonical)) {
                throw new KustoOptionException("Option " + option.key() + " is given twice with different values (as '"
                        + spelledAs.get(option) + "' and '" + key + "'); option names ignore case, keep one.");
            }
            spelledAs.put(option, key);
        }
        String profile = values.get(KustoOption.LINKED_SERVICE);
        if (profile != null) {
            LinkedServices.profile(profile, sparkConf).forEach(values::putIfAbsent);
        }
        applyDispositions(values);
        return new ParsedOptions(side, values);
    }

    /** Refuses the unavailable options that are set and warns of the ignored ones; never shows a value. */
    private static void applyDispositions(Map<KustoOption, String> values) {
        List<KustoOption> unavailable = values.entrySet().stream()
                .filter(e -> e.getKey().disposition() == KustoOption.Disposition.UNAVAILABLE && !e.getKey().isDefault(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!unavailable.isEmpty()) {
            String keys = unavailable.stream().map(KustoOption::key).collect(Collectors.joining(", "));
            throw new KustoOptionException((unavailable.size() == 1 ? "Option " + keys + " is" : "Options " + keys + " are")
                    + " not available in this connector; remove " + (unavailable.size() == 1 ? "it" : "them") + ". "
                    + unavailable.get(0).description());
        }
        values.forEach((option, value) -> {
            if (option.disposition() == KustoOption.Disposition.IGNORED && !option.isDefault(value)) {
                LOG.warn("Option {} has no effect in this connector. {}", option.key(), option.description());
            }
        });
    }

    private static KustoOptionException unknown(String key, Side side) {
        List<String> names = Arrays.stream(KustoOption.forSide(side)).map(KustoOption::key).toList();
        Optional<String> closest = EditDistance.closest(key, names);
        Optional<KustoOption> otherSide = closest.isPresent() ? Optional.empty()
                : EditDistance.closest(key, Arrays.stream(KustoOption.values()).map(KustoOption::key).toList())
                        .flatMap(KustoOption::forKey);
        String hint = closest.map(c -> " Did you mean " + c + "?")
                .or(() -> otherSide.map(o -> " Did you mean " + o.key() + " (a " + sideName(o.side()) + " option)?"))
                .orElse(" Valid " + sideName(side) + " options: " + String.join(", ", names) + ".");
        return new KustoOptionException("Unknown option '" + key + "' for a Kusto " + sideName(side) + "." + hint);
    }

    static String sideName(Side side) {
        return switch (side) {
            case READ -> "read";
            case WRITE -> "write";
            case COMMON -> "connection";
        };
    }

    boolean has(KustoOption option) {
        return values.containsKey(option);
    }

    Optional<String> get(KustoOption option) {
        return Optional.ofNullable(values.get(option));
    }

    /** The value of a required option, or an error saying how to set it. */
    String required(KustoOption option, String example) {
        String v = values.get(option);
        if (v == null) {
            throw new KustoOptionException("Option " + option.key() + " is required for a Kusto " + sideName(side)
                    + ": set it with .option(\"" + option.key() + "\", \"" + example + "\")"
                    + (option.side() == Side.COMMON ? " or through a spark.synapse.linkedService profile" : "") + ".");
        }
        return v;
    }

    boolean bool(KustoOption option) {
        return Boolean.parseBoolean(values.getOrDefault(option, option.defaultValue().orElse("false")));
    }

    int integer(KustoOption option) {
        return Integer.parseInt(values.getOrDefault(option, option.defaultValue().orElseThrow()));
    }

    long seconds(KustoOption option) {
        return Long.parseLong(values.getOrDefault(option, option.defaultValue().orElseThrow()));
    }
}
