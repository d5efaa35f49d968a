package dev.kustospark.spark.read;

import dev.kustospark.spark.types.KqlSyntax;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * Translates Spark's data source filters into one KQL {@code where} predicate.
 *
 * <p>A filter is pushed only when the KQL keeps exactly the rows Spark would keep. That rules out:
 * string comparisons other than equality (Kusto orders strings differently from Spark's byte order),
 * string predicates on columns that are not Kusto {@code string} (guid, timespan and dynamic read as
 * text that Kusto does not compare as text), NaN and infinite reals, and null literals. Negation is
 * pushed through And/Or by De Morgan's laws (valid in three-valued logic) down to the leaves, where a
 * negated comparison also requires the column to be non-null: Spark drops a row whose predicate is
 * null, and Kusto's {@code not()} of a comparison with null need not be null.
 */
final class KustoFilterTranslator {
    private final Set<String> columns;
    private final Function<String, String> kustoTypes;

    /**
     * @param columns    the scan's columns by exact name
     * @param kustoTypes a column's Kusto type, or null when Kusto's result lacks it; asked only for the
     *                   columns a string literal or operator touches, since only those depend on it
     */
    KustoFilterTranslator(Collection<String> columns, Function<String, String> kustoTypes) {
        this.columns = Set.copyOf(columns);
        this.kustoTypes = kustoTypes;
    }

    FilterTranslation translate(Filter[] filters) {
        List<Filter> pushed = new ArrayList<>();
        List<Filter> remaining = new ArrayList<>();
        List<String> predicates = new ArrayList<>();
        for (Filter filter : filters) {
            Optional<String> kql = translate(filter, false);
            if (kql.isPresent()) {
                pushed.add(filter);
                predicates.add(kql.get());
            } else {
                remaining.add(filter);
            }
        }
        Optional<String> predicate = predicates.isEmpty() ? Optional.empty()
                : Optional.of(predicates.size() == 1 ? predicates.get(0) : "(" + String.join(") and (", predicates) + ")");
        return new FilterTranslation(pushed, remaining, predicate);
    }

    /** The KQL for {@code filter}, or for its negation when {@code negated}; empty when it cannot be exact. */
    Optional<String> translate(Filter filter, boolean negated) {
        if (filter instanceof And and) {
            return negated ? both(and.left(), and.right(), true, "or") : both(and.left(), and.right(), false, "and");
        }
        if (filter instanceof Or or) {
            return negated ? both(or.left(), or.right(), true, "and") : both(or.left(), or.right(), false, "or");
        }
        if (filter instanceof Not not) {
            return translate(not.child(), !negated);
        }
        if (filter instanceof IsNull isNull) {
            return column(isNull.attribute()).map(c -> (negated ? "isnotnull(" : "isnull(") + c + ")");
        }
        if (filter instanceof IsNotNull isNotNull) {
            return column(isNotNull.attribute()).map(c -> (negated ? "isnull(" : "isnotnull(") + c + ")");
        }
        if (filter instanceof EqualNullSafe eq) {
            Optional<String> col = column(eq.attribute());
            if (col.isEmpty()) {
                return Optional.empty();
            }
            if (eq.value() == null) {
                return Optional.of((negated ? "isnotnull(" : "isnull(") + col.get() + ")");
            }
            Optional<String> literal = literal(eq.attribute(), eq.value(), true);
            // a <=> v is never null: true exactly when a is non-null and equal to v.
            return literal.map(l -> negated
                    ? "(isnull(" + col.get() + ") or " + col.get() + " != " + l + ")"
                    : "(isnotnull(" + col.get() + ") and " + col.get() + " == " + l + ")");
        }
        Optional<String> leaf = leaf(filter);
        if (leaf.isEmpty() || !negated) {
            return leaf;
        }
        String attribute = attributeOf(filter);
        return column(attribute).map(c -> "(isnotnull(" + c + ") and not(" + leaf.get() + "))");
    }

    private Optional<String> both(Filter left, Filter right, boolean negated, String operator) {
        Optional<String> l = translate(left, negated);
        Optional<String> r = translate(right, negated);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("(" + l.get() + " " + operator + " " + r.get() + ")");
    }

    private Optional<String> leaf(Filter filter) {
        if (filter instanceof EqualTo f) {
            return comparison(f.attribute(), "==", f.value(), true);
        }
        if (filter instanceof GreaterThan f) {
            return comparison(f.attribute(), ">", f.value(), false);
        }
        if (filter instanceof GreaterThanOrEqual f) {
            return comparison(f.attribute(), ">=", f.value(), false);
        }
        if (filter instanceof LessThan f) {
            return comparison(f.attribute(), "<", f.value(), false);
        }
        if (filter instanceof LessThanOrEqual f) {
            return comparison(f.attribute(), "<=", f.value(), false);
        }
        if (filter instanceof In in) {
            return in(in);
        }
        if (filter instanceof StringStartsWith f) {
            return stringOperator(f.attribute(), "startswith_cs", f.value());
        }
        if (filter instanceof StringEndsWith f) {
            return stringOperator(f.attribute(), "endswith_cs", f.value());
        }
        if (filter instanceof StringContains f) {
            return stringOperator(f.attribute(), "contains_cs", f.value());
        }
        return Optional.empty();
    }

    private static String attributeOf(Filter filter) {
        String[] references = filter.references();
        return references.length == 1 ? references[0] : null;
    }

    private Optional<String> comparison(String attribute, String operator, Object value, boolean equality) {
        if (value == null || (!equality && (value instanceof String || value instanceof Boolean))) {
            return Optional.empty();
        }
        Optional<String> col = column(attribute);
        Optional<String> literal = literal(attribute, value, equality);
        if (col.isEmpty() || literal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(col.get() + " " + operator + " " + literal.get());
    }

    private Optional<String> in(In in) {
        Object[] values = in.values();
        if (values.length == 0) {
            return Optional.empty();
        }
        Optional<String> col = column(in.attribute());
        if (col.isEmpty()) {
            return Optional.empty();
        }
        List<String> literals = new ArrayList<>(values.length);
        for (Object value : values) {
            // A null in the list makes Spark's IN null for non-matching rows; leave that to Spark.
            if (value == null) {
                return Optional.empty();
            }
            Optional<String> literal = literal(in.attribute(), value, true);
            if (literal.isEmpty()) {
                return Optional.empty();
            }
            literals.add(literal.get());
        }
        return Optional.of(col.get() + " in (" + String.join(", ", literals) + ")");
    }

    private Optional<String> stringOperator(String attribute, String operator, String value) {
        if (value == null || !isKustoString(attribute)) {
            return Optional.empty();
        }
        return column(attribute).map(c -> c + " " + operator + " " + KqlSyntax.stringLiteral(value));
    }

    private boolean isKustoString(String attribute) {
        String name = unquote(attribute);
        return name != null && columns.contains(name) && "string".equals(kustoTypes.apply(name));
    }

    /** A KQL literal for a value compared with {@code attribute}, when the comparison is exact in Kusto. */
    private Optional<String> literal(String attribute, Object value, boolean equality) {
        if (value instanceof String s) {
            return isKustoString(attribute) ? Optional.of(KqlSyntax.stringLiteral(s)) : Optional.empty();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of("long(" + value + ")");
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Optional.empty();
            }
            // The shortest text that parses back to the same double; Kusto reads the exponent form.
            return Optional.of("real(" + Double.toString(d).replace('E', 'e') + ")");
        }
        if (value instanceof Boolean b) {
            return equality ? Optional.of(b ? "true" : "false") : Optional.empty();
        }
        if (value instanceof BigDecimal d) {
            return Optional.of("decimal(" + d.toPlainString() + ")");
        }
        if (value instanceof Timestamp t) {
            return Optional.of(KqlSyntax.datetimeLiteral(t.toInstant()));
        }
        if (value instanceof Instant i) {
            return Optional.of(KqlSyntax.datetimeLiteral(i));
        }
        return Optional.empty();
    }

    private Optional<String> column(String attribute) {
        if (attribute == null) {
            return Optional.empty();
        }
        String name = unquote(attribute);
        return name != null && columns.contains(name) ? Optional.of(KqlSyntax.quoteName(name)) : Optional.empty();
    }

    /**
     * Spark names a top-level column containing dots as {@code `a.b`} and a nested field as {@code a.b};
     * Kusto results have no nested fields, so only top-level names are resolved.
     */
    static String unquote(String attribute) {
        if (attribute.length() >= 2 && attribute.startsWith("`") && attribute.endsWith("`")) {
            String inner = attribute.substring(1, attribute.length() - 1);
            return inner.replace("``", "`");
        }
        return attribute.contains(".") ? null : attribute;
    }
}
