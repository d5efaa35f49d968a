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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs one {@code .export}: the query's rows are written by DuckDB's {@code COPY} into local
 * temporary files, which are then uploaded as blobs into the target containers.
 *
 * <p>Column names of the result become the file's column names; they are the only text from the
 * request that reaches SQL, always as quoted identifiers with embedded quotes doubled. guid and
 * dynamic columns are written as strings, timespan as its 100-nanosecond ticks (a long).
 */
final class Exporter implements AutoCloseable {
    /** Blobs uploaded at once: Azurite (and Azure Storage) take parallel uploads far faster than serial ones. */
    private static final int UPLOAD_THREADS = 4;
    static final List<Column> RESULT_COLUMNS = List.of(new Column("Path", KustoType.STRING),
            new Column("NumRecords", KustoType.LONG));

    /** What the command asked for. */
    record Spec(String format, boolean compressed, List<String> targets, Map<String, String> properties) {}

    private final StorageAccess storage;
    private final ExecutorService uploader = Executors.newFixedThreadPool(UPLOAD_THREADS, r -> {
        Thread t = new Thread(r, "kusto-local-export-upload");
        t.setDaemon(true);
        return t;
    });

    Exporter(StorageAccess storage) {
        this.storage = storage;
    }

    @Override
    public void close() {
        uploader.shutdownNow();
    }

    /**
     * Creates a missing container when the target's credential may (a key, an account SAS); a
     * container SAS may not, and names a container that exists: its uploads are what count.
     */
    private static void createIfAllowed(BlobContainerClient container) {
        try {
            container.createIfNotExists();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 403) {
                throw e;
            }
        }
    }

    /**
     * Exports on {@code connection}; returns one row per file written: Path (no secrets), NumRecords.
     * Like the service, which writes one or more files per node, DuckDB's threads each write their own
     * files at once ({@code PER_THREAD_OUTPUT}), straight from the query; with {@code sizeLimit} a
     * thread starts a new file once one reaches about that many bytes (checked between row groups, so
     * files may be larger). The files are then uploaded in parallel. Files a thread wrote no rows to
     * are not uploaded.
     */
    RowsResult export(Connection connection, SqlResult query, Spec spec, UUID operationId) {
        Path dir = null;
        try {
            String extension = extension(spec);
            Long sizeLimit = sizeLimit(spec);
            dir = Files.createTempDirectory("kusto-local-export");
            Path output = dir.resolve("parts");
            List<WrittenFile> files = write(connection, query, spec, output, sizeLimit);
            String prefix = spec.properties().getOrDefault("nameprefix", "export");
            // Several targets share the files in turn, as the service spreads them over its containers.
            List<BlobContainerClient> containers = new ArrayList<>();
            for (String target : spec.targets()) {
                BlobContainerClient container = storage.container(target);
                createIfAllowed(container);
                containers.add(container);
            }
            List<Future<?>> uploads = new ArrayList<>();
            List<List<Object>> result = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i).path();
                String blobName = prefix + "_" + operationId + "_" + i + extension;
                BlobContainerClient container = containers.get(i % containers.size());
                uploads.add(uploader.submit(() -> container.getBlobClient(blobName).uploadFromFile(file.toString(), true)));
                String base = StorageAccess.withoutSecrets(spec.targets().get(i % containers.size())).replaceAll("/+$", "");
                result.add(new ArrayList<>(List.of(base + "/" + blobName, files.get(i).rows())));
            }
            awaitAll(uploads);
            return new RowsResult("Table_0", RESULT_COLUMNS, result);
        } catch (BlobStorageException e) {
            // The storage error's own text may quote the request's SAS parameters: keep only its code.
            throw KustoException.storageError(e.getStatusCode(), "Writing the export into storage failed: HTTP "
                    + e.getStatusCode() + " " + e.getErrorCode() + ".");
        } catch (SQLException e) {
            throw KustoException.badRequest("The export query failed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export file: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private record WrittenFile(Path path, long rows) {}

    /**
     * Runs the {@code COPY} into {@code output} (a directory) and returns the files with rows, in name
     * order. Parquet's row counts come from DuckDB's own statistics of the files it wrote; a text file
     * is read back (a CSV row may span lines).
     */
    private static List<WrittenFile> write(Connection connection, SqlResult query, Spec spec, Path output,
            Long sizeLimit) throws SQLException, IOException {
        boolean parquet = spec.format().equals("parquet");
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < query.columns().size(); i++) {
            aliases.append(i == 0 ? "" : ", ").append("c").append(i);
        }
        String sql = "COPY (SELECT " + projection(query.columns(), parquet) + " FROM (" + query.sql() + ") AS s("
                + aliases + ")) TO '" + output.toString().replace("'", "''") + "' (" + copyOptions(spec)
                + ", PER_THREAD_OUTPUT true" + (sizeLimit == null ? "" : ", FILE_SIZE_BYTES " + sizeLimit)
                + (parquet ? ", RETURN_STATS true" : "") + ")";
        List<WrittenFile> files = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            List<Object> params = query.parameters();
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            if (parquet) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.add(new WrittenFile(Path.of(rs.getString("filename")), rs.getLong("count")));
                    }
                }
            } else {
                ps.execute();
            }
        }
        if (!parquet) {
            try (Stream<Path> listed = Files.list(output)) {
                for (Path file : listed.toList()) {
                    files.add(new WrittenFile(file, countFile(connection, spec, file)));
                }
            }
        }
        return files.stream().filter(f -> f.rows() > 0)
                .sorted(Comparator.comparing((WrittenFile f) -> f.path().getFileName().toString().length())
                        .thenComparing(f -> f.path().getFileName().toString()))
                .toList();
    }

    private static void awaitAll(List<Future<?>> uploads) throws IOException {
        try {
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } catch (InterruptedException e) {
            uploads.forEach(u -> u.cancel(true));
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading the export's files", e);
        } catch (ExecutionException e) {
            uploads.forEach(u -> u.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("uploading an export file failed", e.getCause());
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

    /** Rows of a text file: read back by DuckDB (a CSV row may span lines). */
    private static long countFile(Connection connection, Spec spec, Path file) throws SQLException {
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
                // The same microseconds as a UTC timestamp; several times cheaper than timezone('UTC', ...).
                case DATETIME -> parquet ? "make_timestamptz(epoch_us(c" + i + "))"
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

    /**
     * With {@code compressed}, Parquet is compressed with snappy unless {@code compressionType} says
     * otherwise; without it, the files are uncompressed unless a {@code compressionType} is given.
     */
    private static String parquetCodec(Spec spec) {
        String codec = spec.properties().getOrDefault("compressiontype", spec.compressed() ? "snappy" : "uncompressed")
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
