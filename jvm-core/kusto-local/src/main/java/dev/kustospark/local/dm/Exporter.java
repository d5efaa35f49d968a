package dev.kustospark.local.dm;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs one {@code .export}: the query's rows are written by DuckDB's {@code COPY} into a local
 * temporary file, which is then uploaded as a blob into the target container.
 *
 * <p>Column names of the result become the file's column names; they are the only text from the
 * request that reaches SQL, always as quoted identifiers with embedded quotes doubled. guid and
 * dynamic columns are written as strings, timespan as its 100-nanosecond ticks (a long).
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

    /**
     * Exports on {@code connection}; returns one row per file written: Path (no secrets), NumRecords.
     * With {@code sizeLimit}, DuckDB starts a new file once one reaches about that many bytes (it
     * checks between row groups, so files may be larger).
     */
    RowsResult export(Connection connection, SqlResult query, Spec spec, UUID operationId) {
        String temp = "kusto_local_export_" + UUID.randomUUID().toString().replace("-", "");
        Path dir = null;
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
            long total = count(connection, "SELECT count(*) FROM " + temp, null);
            String extension = extension(spec);
            Long sizeLimit = sizeLimit(spec);
            dir = Files.createTempDirectory("kusto-local-export");
            Path output = dir.resolve(sizeLimit == null ? "part" + extension : "parts");
            try (Statement st = connection.createStatement()) {
                st.execute("COPY (SELECT " + projection(query.columns(), spec.format().equals("parquet")) + " FROM " + temp + ") TO '"
                        + output.toString().replace("'", "''") + "' (" + copyOptions(spec)
                        + (sizeLimit == null ? "" : ", FILE_SIZE_BYTES " + sizeLimit) + ")");
            }
            List<Path> files;
            if (sizeLimit == null) {
                files = List.of(output);
            } else {
                try (Stream<Path> listed = Files.list(output)) {
                    files = listed.sorted().toList();
                }
            }
            String prefix = spec.properties().getOrDefault("nameprefix", "export");
            // Several targets share the files in turn, as the service spreads them over its containers.
            List<BlobContainerClient> containers = new ArrayList<>();
            for (String target : spec.targets()) {
                BlobContainerClient container = storage.container(target);
                container.createIfNotExists();
                containers.add(container);
            }
            List<List<Object>> result = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                long rows = files.size() == 1 ? total : countFile(connection, spec, file);
                String blobName = prefix + "_" + operationId + "_" + i + extension;
                containers.get(i % containers.size()).getBlobClient(blobName).uploadFromFile(file.toString(), true);
                String base = StorageAccess.withoutSecrets(spec.targets().get(i % containers.size())).replaceAll("/+$", "");
                result.add(new ArrayList<>(List.of(base + "/" + blobName, rows)));
            }
            return new RowsResult("Table_0", RESULT_COLUMNS, result);
        } catch (BlobStorageException e) {
            // The storage error's own text may quote the request's SAS parameters: keep only its code.
            throw new KustoException(e.getStatusCode() == 403 ? 403 : 400, "BadRequest_StorageError",
                    "Request is invalid and cannot be executed.", "Kusto.Data.Exceptions.KustoBadRequestException",
                    "Writing the export into storage failed: HTTP " + e.getStatusCode() + " " + e.getErrorCode() + ".",
                    true);
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
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static long count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows of one of several files: read back by DuckDB (a CSV row may span lines). */
    private static long countFile(Connection connection, Spec spec, Path file) throws SQLException {
        if (spec.format().equals("parquet")) {
            return count(connection, "SELECT count(*) FROM read_parquet(?)", file.toString());
        }
        if (spec.format().equals("json")) {
            return count(connection, "SELECT count(*) FROM read_json(?, format = 'newline_delimited', "
                    + "records = false)", file.toString());
        }
        boolean header = !spec.properties().getOrDefault("includeheader", "none").equalsIgnoreCase("none");
        return count(connection, "SELECT count(*) FROM read_csv(?, header = " + header + ", all_varchar = true, delim = '"
                + (spec.format().equals("tsv") ? "\t" : ",") + "')", file.toString());
    }

    private static Long sizeLimit(Spec spec) {
        String value = spec.properties().get("sizelimit");
        if (value == null) {
            return null;
        }
        try {
            long bytes = Long.parseLong(value.strip());
            if (bytes <= 0) {
                throw new NumberFormatException();
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw KustoException.badRequest("sizeLimit must be a positive number of bytes, not '" + value + "'.");
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // temporary files
        }
    }

    /**
     * The result columns as written. datetime: in Parquet a UTC-adjusted timestamp (Spark reads it as
     * TimestampType whatever its session time zone), in text the service's ISO form with 7 digits.
     */
    private static String projection(List<Column> columns, boolean parquet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String value = switch (c.type()) {
                case GUID, DYNAMIC -> "CAST(c" + i + " AS VARCHAR)";
                case DATETIME -> parquet ? "timezone('UTC', c" + i + ")"
                        : "strftime(c" + i + ", '%Y-%m-%dT%H:%M:%S.%f') || '0Z'";
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
        if (spec.format().equals("json")) {
            return "FORMAT json" + (spec.compressed() ? ", COMPRESSION gzip" : "");
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
