package dev.kustospark.local.storage;

import static dev.kustospark.local.types.KustoValues.fromEpochMicros;
import static dev.kustospark.local.types.KustoValues.toEpochMicros;
import static dev.kustospark.local.storage.DuckDbCatalog.update;

import dev.kustospark.local.KustoException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL that reads and writes extent metadata ({@code kl_meta.extents}, {@code kl_meta.extent_tags})
 * and extent rows, always inside the caller's transaction on the caller's connection.
 */
final class ExtentRecords {
    private ExtentRecords() {}

    /** Records an extent through {@code c}, inside the transaction that wrote its rows. */
    static void recordExtent(Connection c, long tableId, ExtentInfo extent) throws SQLException {
        update(c, "INSERT INTO kl_meta.extents"
                + " SELECT ?, ?, nextval('kl_meta.extent_seq'), make_timestamp(?), ?, ?",
                extent.id(), tableId, toEpochMicros(extent.createdOn()), extent.rowCount(), extent.originalSize());
        insertTags(c, extent.id(), extent.tags(), 0);
    }

    static void insertTags(Connection c, UUID extentId, List<String> tags, int firstOrdinal)
            throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kl_meta.extent_tags VALUES (?, ?, ?)")) {
            for (int i = 0; i < tags.size(); i++) {
                ps.setObject(1, extentId);
                ps.setInt(2, firstOrdinal + i);
                ps.setString(3, tags.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }


    /** A size in bytes as if each value took its fixed width; strings count as 16. */
    static long estimatedSize(TableInfo table, long rows) {
        long width = 0;
        for (ColumnInfo c : table.columns()) {
            width += switch (c.type()) {
                case BOOL -> 1;
                case INT -> 4;
                case DECIMAL, GUID, STRING, DYNAMIC -> 16;
                default -> 8;
            };
        }
        return rows * width;
    }

    static List<ExtentInfo> queryExtents(Connection c, TableInfo t, Collection<UUID> only) {
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        Map<UUID, List<String>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, epoch_us(e.created_on), e.row_count,"
                + " e.original_size, g.tag FROM kl_meta.extents e LEFT JOIN kl_meta.extent_tags g"
                + " ON g.extent_id = e.id WHERE e.table_id = ? ORDER BY e.seq, g.ordinal")) {
            ps.setLong(1, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = (UUID) rs.getObject(1);
                    if (only != null && !only.contains(id)) {
                        continue;
                    }
                    if (!rows.containsKey(id)) {
                        rows.put(id, new Object[] {fromEpochMicros(rs.getLong(2)), rs.getLong(3), rs.getLong(4)});
                    }
                    List<String> list = tags.computeIfAbsent(id, k -> new ArrayList<>());
                    String tag = rs.getString(5);
                    if (tag != null) {
                        list.add(tag);
                    }
                }
            }
        } catch (SQLException e) {
            throw KustoException.internal("cannot read extents of table '" + t.name() + "'", e);
        }
        List<ExtentInfo> result = new ArrayList<>(rows.size());
        rows.forEach((id, r) -> result.add(new ExtentInfo(id, t.database(), t.name(), (Instant) r[0], (Long) r[1],
                (Long) r[2], tags.get(id))));
        return result;
    }

    static void deleteExtent(Connection c, TableInfo t, UUID id) throws SQLException {
        update(c, "DELETE FROM \"" + t.physicalName() + "\" WHERE \"" + TableInfo.EXTENT_COLUMN + "\" = ?", id);
        update(c, "DELETE FROM kl_meta.extent_tags WHERE extent_id = ?", id);
        update(c, "DELETE FROM kl_meta.extents WHERE id = ?", id);
    }
}
