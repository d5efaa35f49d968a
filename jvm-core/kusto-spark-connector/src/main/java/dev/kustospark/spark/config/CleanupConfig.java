package dev.kustospark.spark.config;

import dev.kustospark.spark.KustoOption.Side;
import dev.kustospark.spark.KustoOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a clean-up of crash leftovers: the connection, and the {@code transientStorage}
 * whose containers to look in. The option map of a read or of a write is taken as it is, so that a
 * job can clean up with the options it reads or writes with; the options only they use are ignored.
 */
public final class CleanupConfig {
    private final ConnectionConfig connection;
    private final String transientStorage;

    private CleanupConfig(ParsedOptions o) {
        this.connection = ConnectionConfig.from(o);
        this.transientStorage = o.get(KustoOption.TRANSIENT_STORAGE).orElse(null);
    }

    /**
     * @throws KustoOptionException for an unknown, missing or invalid option
     */
    public static CleanupConfig from(Map<String, String> options, Map<String, String> sparkConf) {
        Map<String, String> readSide = new HashMap<>();
        Objects.requireNonNull(options, "options").forEach((key, value) -> {
            // A write's own options say nothing about where leftovers are; unknown keys still fail below.
            if (KustoOption.forKey(key).map(o -> o.side() != Side.WRITE).orElse(true)) {
                readSide.put(key, value);
            }
        });
        return new CleanupConfig(ParsedOptions.parse(readSide, sparkConf == null ? Map.of() : sparkConf, Side.READ));
    }

    public ConnectionConfig connection() {
        return connection;
    }

    /** The transientStorage JSON (secret: never print it). */
    public Optional<String> transientStorage() {
        return Optional.ofNullable(transientStorage);
    }

    @Override
    public String toString() {
        return "CleanupConfig{" + connection + (transientStorage == null ? "" : ", transientStorage=<hidden>") + "}";
    }
}
