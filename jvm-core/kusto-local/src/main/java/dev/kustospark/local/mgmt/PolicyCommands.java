package dev.kustospark.local.mgmt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.ingest.IngestionMapping;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.IngestionMappingInfo;
import dev.kustospark.local.storage.TableInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Policies of tables and databases, and ingestion mappings of tables. */
final class PolicyCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> POLICY_NAMES = Map.ofEntries(
            Map.entry("auto_delete", "AutoDeletePolicy"),
            Map.entry("streamingingestion", "StreamingIngestionPolicy"),
            Map.entry("retention", "RetentionPolicy"),
            Map.entry("merge", "ExtentsMergePolicy"),
            Map.entry("ingestionbatching", "IngestionBatchingPolicy"),
            Map.entry("caching", "CachingPolicy"),
            Map.entry("partitioning", "DataPartitioningPolicy"),
            Map.entry("sharding", "ShardingPolicy"),
            Map.entry("update", "UpdatePolicy"),
            Map.entry("ingestiontime", "IngestionTimePolicy"),
            Map.entry("roworder", "RowOrderPolicy"),
            Map.entry("extent_tags_retention", "ExtentTagsRetentionPolicy"),
            Map.entry("restricted_view_access", "RestrictedViewAccessPolicy"));
    private static final Set<String> MAPPING_KINDS = Set.of("csv", "json", "parquet", "avro", "apacheavro", "orc",
            "w3clogfile", "sstream");


    static String policyKind(CommandParser p) {
        String word = p.peekWord();
        String kind = word == null ? null : word.toLowerCase(Locale.ROOT);
        if (kind == null || !POLICY_NAMES.containsKey(kind)) {
            throw p.error("unknown policy kind '" + (word == null ? "" : word) + "'");
        }
        p.acceptKeywords(word);
        return kind;
    }

    static String mappingKind(CommandParser p) {
        String word = p.peekWord();
        String kind = word == null ? null : word.toLowerCase(Locale.ROOT);
        if (kind == null || !MAPPING_KINDS.contains(kind)) {
            throw p.error("unknown ingestion mapping kind '" + (word == null ? "" : word) + "'");
        }
        p.acceptKeywords(word);
        return kind;
    }

    enum MappingMode { CREATE, ALTER, CREATE_OR_ALTER }

    RowsResult createMapping(Invocation inv, String db, String table, MappingMode mode) {
        CommandParser p = inv.parser;
        TableInfo t = catalog.table(db, table);
        String kind = mappingKind(p);
        p.expectKeywords("mapping");
        String mappingName = p.nameOrString();
        int jsonPos = p.position();
        String json;
        try {
            JsonNode node = IngestionMapping.readJson(p.string());
            if (node == null || !node.isArray()) {
                throw p.errorAt(jsonPos, "an ingestion mapping must be a JSON array");
            }
            // kept as strict JSON, which every client that reads it back can parse
            json = node.toString();
        } catch (JsonProcessingException e) {
            throw p.errorAt(jsonPos, "the ingestion mapping is not valid JSON: " + e.getOriginalMessage());
        }
        p.withProperties();
        boolean exists = catalog.ingestionMapping(db, t.name(), kind, mappingName).isPresent();
        if (mode == MappingMode.CREATE && exists) {
            throw KustoException.entityExists("Ingestion mapping", mappingName);
        }
        if (mode == MappingMode.ALTER && !exists) {
            throw KustoException.entityNotFound("Ingestion mapping", mappingName);
        }
        catalog.createIngestionMapping(db, t.name(), kind, mappingName, json);
        return ResultShapes.mappings(db, t.name(),
                List.of(new IngestionMappingInfo(mappingName, kind, json)), inv.now);
    }

    /** A table or database whose policies a command reads or changes. */
    record PolicyEntity(String database, String table) {
        String entityName() {
            return table == null ? "[" + database + "]" : "[" + database + "].[" + table + "]";
        }

        String entityType() {
            return table == null ? "Database" : "Table";
        }
    }

    Optional<String> policyOf(PolicyEntity e, String kind) {
        return e.table() == null ? catalog.databasePolicy(e.database(), kind) : catalog.tablePolicy(e.database(),
                e.table(), kind);
    }

    private void setPolicy(PolicyEntity e, String kind, String json) {
        if (e.table() == null) {
            catalog.setDatabasePolicy(e.database(), kind, json);
        } else {
            catalog.setTablePolicy(e.database(), e.table(), kind, json);
        }
    }

    static RowsResult policyResult(PolicyEntity e, String kind, String json) {
        return ResultShapes.policy(POLICY_NAMES.get(kind), e.entityName(), e.entityType(), json);
    }

    RowsResult alterPolicy(Invocation inv, String db, String table, boolean merge) {
        CommandParser p = inv.parser;
        PolicyEntity entity = new PolicyEntity(db, table == null ? null : catalog.table(db, table).name());
        String kind = policyKind(p);
        String json;
        if (kind.equals("ingestiontime") && p.acceptKeywords("true")) {
            json = "{\"IsEnabled\":true}";
        } else if (kind.equals("streamingingestion") && (p.peekKeyword("enable") || p.peekKeyword("disable"))) {
            boolean enable = p.acceptKeywords("enable");
            if (!enable) {
                p.acceptKeywords("disable");
            }
            json = "{\"IsEnabled\":" + enable + ",\"HintAllocatedRate\":null}";
        } else {
            int jsonPos = p.position();
            json = p.string();
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw p.errorAt(jsonPos, "the policy is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !(node.isObject() || node.isArray())) {
                throw p.errorAt(jsonPos, "the policy must be a JSON object");
            }
            if (merge) {
                Optional<String> existing = policyOf(entity, kind);
                if (existing.isPresent() && node.isObject()) {
                    try {
                        ObjectNode base = (ObjectNode) JSON.readTree(existing.get());
                        base.setAll((ObjectNode) node);
                        node = base;
                    } catch (JsonProcessingException | ClassCastException e) {
                        throw KustoException.internal("stored policy is not a JSON object", e);
                    }
                }
            }
            json = node.toString();
        }
        setPolicy(entity, kind, json);
        return policyResult(entity, kind, json);
    }

    RowsResult deletePolicy(Invocation inv) {
        CommandParser p = inv.parser;
        PolicyEntity entity;
        if (p.acceptKeywords("table")) {
            String name = p.name();
            String db = inv.database();
            entity = new PolicyEntity(db, catalog.table(db, name).name());
            inv.operation = "TablePolicyDelete";
        } else if (p.acceptKeywords("database")) {
            entity = new PolicyEntity(catalog.resolveDatabase(p.nameOrString()), null);
            inv.operation = "DatabasePolicyDelete";
        } else {
            throw CommandExecutor.unsupported(inv);
        }
        p.expectKeywords("policy");
        String kind = policyKind(p);
        setPolicy(entity, kind, null);
        return policyResult(entity, kind, null);
    }

    private final Catalog catalog;

    PolicyCommands(Catalog catalog) {
        this.catalog = catalog;
    }

    RowsResult showPolicy(PolicyEntity entity, CommandParser p) {
        String kind = policyKind(p);
        return policyResult(entity, kind, policyOf(entity, kind).orElse(null));
    }
}
