package dev.kustospark.spark.read;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exports of this driver and when their blobs go. A Spark plan may run more than once (a
 * second action on the same Dataset reuses its partitions), so an export cannot be deleted when a
 * task has read it: it is deleted once the plan that holds it is unreachable, or when the Spark
 * application ends, whichever comes first. With {@code distributedReadModeTransientCache} an export
 * is kept for the application and reused by reads of the identical query, options and storage.
 */
final class ExportRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ExportRegistry.class);
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Map<CacheKey, List<ExportedBlob>> CACHE = new ConcurrentHashMap<>();
    /** Exports not yet deleted, so that the application's end deletes what the cleaner has not. */
    private static final Map<Object, List<ExportedBlob>> PENDING = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> LISTENING = new ConcurrentHashMap<>();

    private ExportRegistry() {}

    /** What identifies an export for reuse: where it came from, the query and the export options. */
    record CacheKey(String cluster, String database, String query, String exportOptionsJson, List<String> containers) {
        /** The containers by URL only: the service hands out a fresh SAS for the same container. */
        static CacheKey of(String cluster, String database, String query, String exportOptionsJson,
                List<ExportLocation> storage) {
            return new CacheKey(cluster, database, query, exportOptionsJson,
                    storage.stream().map(ExportLocation::containerUrl).toList());
        }
    }

    /** Whether an export of this key is cached. */
    static boolean isCached(CacheKey key) {
        return CACHE.containsKey(key);
    }

    /** The cached export of {@code key}, exporting it first when there is none. */
    static List<ExportedBlob> cached(CacheKey key, Supplier<List<ExportedBlob>> export) {
        listenForApplicationEnd();
        return CACHE.computeIfAbsent(key, k -> List.copyOf(export.get()));
    }

    /** Registers an uncached export: its blobs are deleted once {@code owner} is unreachable or the application ends. */
    static void deleteWhenUnreachable(Object owner, List<ExportedBlob> blobs) {
        listenForApplicationEnd();
        Object token = new Object();
        PENDING.put(token, blobs);
        CLEANER.register(owner, () -> {
            List<ExportedBlob> pending = PENDING.remove(token);
            if (pending != null) {
                KustoExport.delete(pending);
            }
        });
    }

    private static void listenForApplicationEnd() {
        SparkContext context;
        try {
            context = SparkSession.active().sparkContext();
        } catch (IllegalStateException e) {
            // No session on this thread: the cleaner alone deletes the export.
            return;
        }
        if (LISTENING.putIfAbsent(context.applicationId(), Boolean.TRUE) == null) {
            context.addSparkListener(new SparkListener() {
                @Override
                public void onApplicationEnd(SparkListenerApplicationEnd end) {
                    deleteAll();
                }
            });
        }
    }

    /** Deletes every export of this driver, cached or not. */
    static void deleteAll() {
        List<ExportedBlob> all = new ArrayList<>();
        CACHE.values().forEach(all::addAll);
        CACHE.clear();
        for (Object token : List.copyOf(PENDING.keySet())) {
            List<ExportedBlob> pending = PENDING.remove(token);
            if (pending != null) {
                all.addAll(pending);
            }
        }
        if (!all.isEmpty()) {
            LOG.info("Deleting {} exported blobs at the end of the application", all.size());
            KustoExport.delete(all);
        }
    }
}
