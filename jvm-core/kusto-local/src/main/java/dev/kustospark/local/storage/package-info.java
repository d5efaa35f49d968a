/**
 * The store of kusto-local: one DuckDB database (a file {@code kusto.duckdb} in the data
 * directory, or memory).
 *
 * <p>Layout: metadata lives in the schema {@code kl_meta} (databases, tables, columns, extents and
 * their tags, table and database policies, ingestion mappings); each Kusto table is a DuckDB table
 * {@code "t<id>"} whose columns are {@code "c<n>"} plus {@code _extent UUID}, the id of the extent a
 * row belongs to. Numbers {@code n} are never reused within a table, so a column dropped and added
 * again under the same name starts empty, as in Kusto. Names from requests never reach SQL text.
 *
 * <p>Consistency: every catalog change is one DuckDB transaction; the in-memory cache of tables is
 * updated only after it commits. An extent's rows and its metadata row are written in the same
 * transaction, so a reader sees an extent entirely or not at all. Extents are not cached because
 * they change inside other connections' transactions.
 *
 * <p>Auto-delete policies are honoured when a table is looked up: an expired table is dropped first,
 * so no request ever sees it.
 */
package dev.kustospark.local.storage;
