package dev.kustospark.local.types;

import java.util.Locale;
import java.util.Map;

/**
 * The scalar types of Kusto, with the names the service uses on the wire and the DuckDB type that
 * holds each one.
 *
 * <p>Storage choices that every part of kusto-local relies on:
 * <ul>
 *   <li>{@code datetime} is a DuckDB {@code TIMESTAMP} (UTC, microsecond precision), which spans the
 *       service's range 0001-01-01..9999-12-31;</li>
 *   <li>{@code timespan} is a {@code BIGINT} count of 100-nanosecond ticks, as .NET counts them;</li>
 *   <li>{@code dynamic} is DuckDB {@code JSON} text;</li>
 *   <li>{@code decimal} is {@code DECIMAL(38,18)}.</li>
 * </ul>
 *
 * <p>Java values that stand for Kusto values inside kusto-local (rows of management results,
 * ingestion, parameters) use one class per type: Boolean, Integer, Long, Double, BigDecimal,
 * String, java.time.Instant, java.time.Duration, java.util.UUID, and for dynamic a String holding
 * JSON text. {@link KustoValues} converts between these, JDBC and the wire.
 */
public enum KustoType {
    BOOL("bool", "Boolean", "BOOLEAN"),
    INT("int", "Int32", "INTEGER"),
    LONG("long", "Int64", "BIGINT"),
    REAL("real", "Double", "DOUBLE"),
    DECIMAL("decimal", "Decimal", "DECIMAL(38,18)"),
    STRING("string", "String", "VARCHAR"),
    DATETIME("datetime", "DateTime", "TIMESTAMP"),
    TIMESPAN("timespan", "TimeSpan", "BIGINT"),
    GUID("guid", "Guid", "UUID"),
    DYNAMIC("dynamic", "Object", "JSON");

    private static final Map<String, KustoType> BY_NAME = Map.ofEntries(
            Map.entry("bool", BOOL), Map.entry("boolean", BOOL),
            Map.entry("int", INT), Map.entry("int32", INT),
            Map.entry("long", LONG), Map.entry("int64", LONG),
            Map.entry("real", REAL), Map.entry("double", REAL),
            Map.entry("decimal", DECIMAL),
            Map.entry("string", STRING),
            Map.entry("datetime", DATETIME), Map.entry("date", DATETIME),
            Map.entry("timespan", TIMESPAN), Map.entry("time", TIMESPAN),
            Map.entry("guid", GUID), Map.entry("uniqueid", GUID), Map.entry("uuid", GUID),
            Map.entry("dynamic", DYNAMIC));

    private static final Map<String, KustoType> BY_DOTNET = Map.ofEntries(
            Map.entry("system.boolean", BOOL), Map.entry("system.sbyte", BOOL),
            Map.entry("system.int32", INT),
            Map.entry("system.int64", LONG),
            Map.entry("system.double", REAL),
            Map.entry("system.data.sqltypes.sqldecimal", DECIMAL), Map.entry("system.decimal", DECIMAL),
            Map.entry("system.string", STRING),
            Map.entry("system.datetime", DATETIME),
            Map.entry("system.timespan", TIMESPAN),
            Map.entry("system.guid", GUID),
            Map.entry("system.object", DYNAMIC));

    private final String kqlName;
    private final String dotNetName;
    private final String duckDbType;

    KustoType(String kqlName, String dotNetName, String duckDbType) {
        this.kqlName = kqlName;
        this.dotNetName = dotNetName;
        this.duckDbType = duckDbType;
    }

    /** The name in KQL and in v2 {@code ColumnType}: {@code long}, {@code datetime}... */
    public String kqlName() {
        return kqlName;
    }

    /** The .NET type name of v1 {@code DataType}: {@code Int64}, {@code DateTime}... */
    public String dotNetName() {
        return dotNetName;
    }

    /** The .NET type as {@code .show table T schema as json} prints it: {@code System.Int64}. */
    public String systemTypeName() {
        return this == DECIMAL ? "System.Data.SqlTypes.SqlDecimal" : "System." + dotNetName;
    }

    /** The DuckDB column type that stores values of this type. */
    public String duckDbType() {
        return duckDbType;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == REAL || this == DECIMAL;
    }

    /**
     * Parses a KQL type name or one of its aliases ({@code int32}, {@code boolean}, {@code uuid}...),
     * case-insensitively.
     *
     * @return the type, or {@code null} when the name is not a Kusto scalar type
     */
    public static KustoType fromName(String name) {
        return name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** Parses a .NET type name such as {@code System.Int64}; {@code null} when unknown. */
    public static KustoType fromSystemTypeName(String name) {
        return name == null ? null : BY_DOTNET.get(name.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return kqlName;
    }
}
