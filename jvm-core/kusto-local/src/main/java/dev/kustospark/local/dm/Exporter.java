package dev.kustospark.local.dm;

import com.azure.storage.blob.BlobContainerClient;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.types.KustoType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one {@code .export}: the query's rows are written by DuckDB's {@code COPY} into a local
 * temporary file, which is then uploaded as a blob into the target container.
 *
 * <p>Column names of the result become the file's column names; they are the only text from the
 * request that reaches SQL, always as quoted identifiers with embedded quotes doubled. guid and
 * dynamic columns are written as strings, timespan as its 100-nanosecond ticks.
 */
final class Exporter {
    static final List<Column> RESULT_COLUMNS = List.of(new Column("Path", KustoType.STRING),
            new Column("NumRecords", KustoType.LONG));

    /** What the command asked for. */
    record Spec(String format, boolean compressed, List<String> targets, Map<String, String> properties) {}

    private final StorageAccess storage;

    Exporter(StorageAccess storage) {
        this.storage = storage;
    }

    /** Exports on {@code connection}; returns one row per file written: Path (no secrets), NumRecords. */
    RowsResult export(Connection connection, SqlResult query, Spec spec, UUID operationId) {
        String temp = "kusto_local_export_" + UUID.randomUUID().toString().replace("-", "");
        Path file = null;
        try {
            StringBuilder aliases = new StringBuilder();
            for (int i = 0; i < query.columns().size(); i++) {
                aliases.append(i == 0 ? "" : ", ").append("c").append(i);
            }
            try (PreparedStatement ps = connection.prepareStatement("CREATE TEMP TABLE " + temp
                    + " AS SELECT * FROM (" + query.sql() + ") AS s(" + aliases + ")")) {
                List<Object> params = query.parameters();
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                ps.execute();
            }
            long rows;
            try (Statement st = connection.createStatement();
                    var rs = st.executeQuery("SELECT count(*) FROM " + temp)) {
                rs.next();
                rows = rs.getLong(1);
            }
            String extension = extension(spec);
            file = Files.createTempFile("kusto-local-export", extension);
            try (Statement st = connection.createStatement()) {
                st.execute("COPY (SELECT " + projection(query.columns()) + " FROM " + temp + ") TO '"
                        + file.toString().replace("'", "''") + "' (" + copyOptions(spec) + ")");
            }
            String prefix = spec.properties().getOrDefault("nameprefix", "export");
            String blobName = prefix + "_" + operationId + "_0" + extension;
            String target = spec.targets().get(0);
            BlobContainerClient container = storage.container(target);
            container.createIfNotExists();
            container.getBlobClient(blobName).uploadFromFile(file.toString(), true);
            String path = StorageAccess.withoutSecrets(target).replaceAll("/+$", "") + "/" + blobName;
            List<List<Object>> result = new ArrayList<>();
            result.add(new ArrayList<>(List.of(path, rows)));
            return new RowsResult("Table_0", RESULT_COLUMNS, result);
        } catch (SQLException e) {
            throw KustoException.badRequest("The export query failed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export file: " + e.getMessage(), e);
        } finally {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + temp);
            } catch (SQLException ignored) {
                // a temporary table; it goes with the connection
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private static String projection(List<Column> columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String value = switch (c.type()) {
                case GUID, DYNAMIC -> "CAST(c" + i + " AS VARCHAR)";
                default -> "c" + i;
            };
            sb.append(i == 0 ? "" : ", ").append(value).append(" AS ").append(quoteIdentifier(c.name()));
        }
        return sb.toString();
    }

    static String quoteIdentifier(String name) {
        if (name.indexOf('\0') >= 0) {
            throw KustoException.badRequest("A column name of the export query contains a NUL character.");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String extension(Spec spec) {
        if (spec.format().equals("parquet")) {
            String codec = parquetCodec(spec);
            return codec.equals("uncompressed") ? ".parquet" : "." + codec + ".parquet";
        }
        return "." + spec.format() + (spec.compressed() ? ".gz" : "");
    }

    /** Parquet is compressed with snappy unless {@code compressionType} says otherwise. */
    private static String parquetCodec(Spec spec) {
        String codec = spec.properties().getOrDefault("compressiontype", spec.compressed() ? "snappy" : "snappy")
                .toLowerCase(Locale.ROOT);
        return switch (codec) {
            case "snappy", "gzip", "zstd", "lz4_raw", "brotli", "uncompressed" -> codec;
            case "lz4" -> "lz4_raw";
            case "none" -> "uncompressed";
            default -> throw KustoException.badRequest("compressionType '" + codec + "' is not supported for parquet "
                    + "(snappy, gzip, zstd, lz4_raw, brotli, none).");
        };
    }

    private static String copyOptions(Spec spec) {
        if (spec.format().equals("parquet")) {
            return "FORMAT parquet, COMPRESSION " + parquetCodec(spec);
        }
        String header = spec.properties().getOrDefault("includeheader", "none").toLowerCase(Locale.ROOT);
        boolean withHeader = switch (header) {
            case "none" -> false;
            case "firstfile", "all" -> true;
            default -> throw KustoException.badRequest("includeHeader must be none, firstFile or all, not '"
                    + header + "'.");
        };
        String delimiter = spec.format().equals("tsv") ? "\t" : ",";
        return "FORMAT csv, HEADER " + withHeader + ", DELIMITER '" + delimiter + "'"
                + (spec.compressed() ? ", COMPRESSION gzip" : "");
    }
}
