package dev.kustospark.local.storage;

/**
 * A named ingestion mapping of a table.
 *
 * @param kind        the mapping kind in lower case: csv, json, parquet, avro...
 * @param mappingJson the mapping as a JSON array text
 */
public record IngestionMappingInfo(String name, String kind, String mappingJson) {}
