package dev.kustospark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;
import org.junit.jupiter.api.Test;

class KustoFilterTranslatorTest {
    private static final Map<String, String> KUSTO_TYPES = Map.of("s", "string", "n", "long", "where", "int",
            "a b", "real", "g", "guid", "t", "datetime", "d", "decimal", "b", "bool");
    private final KustoFilterTranslator translator = new KustoFilterTranslator(KUSTO_TYPES.keySet(), KUSTO_TYPES::get);

    private String kql(Filter filter) {
        FilterTranslation result = translator.translate(new Filter[] {filter});
        assertEquals(List.of(filter), result.pushed(), "expected to be pushed: " + filter);
        assertTrue(result.remaining().isEmpty());
        return result.predicate().orElseThrow();
    }

    private void notPushed(Filter filter) {
        FilterTranslation result = translator.translate(new Filter[] {filter});
        assertEquals(List.of(), result.pushed(), "expected to stay with Spark: " + filter);
        assertEquals(List.of(filter), result.remaining());
        assertEquals(Optional.empty(), result.predicate());
    }

    @Test
    void comparisonsUseCaseSensitiveOperatorsAndQuotedNames() {
        assertEquals("['s'] == \"x\\\"y\"", kql(new EqualTo("s", "x\"y")));
        assertEquals("['where'] > long(3)", kql(new GreaterThan("where", 3)));
        assertEquals("['a b'] <= real(1.5e-7)", kql(new LessThanOrEqual("`a b`", 1.5e-7)));
        assertEquals("['s'] startswith_cs \"ab\"", kql(new StringStartsWith("s", "ab")));
        assertEquals("['s'] endswith_cs \"ab\"", kql(new StringEndsWith("s", "ab")));
        assertEquals("['s'] contains_cs \"a\\nb\"", kql(new StringContains("s", "a\nb")));
        assertEquals("['n'] in (long(1), long(2))", kql(new In("n", new Object[] {1L, 2L})));
        assertEquals("isnull(['n'])", kql(new IsNull("n")));
        assertEquals("isnotnull(['g'])", kql(new IsNotNull("g")));
        assertEquals("['d'] == decimal(1.500)", kql(new EqualTo("d", new BigDecimal("1.500"))));
        assertEquals("['b'] == true", kql(new EqualTo("b", true)));
    }

    @Test
    void negationReachesTheLeavesAndKeepsSparkNullSemantics() {
        assertEquals("(isnotnull(['n']) and not(['n'] == long(1)))", kql(new Not(new EqualTo("n", 1L))));
        assertEquals("((isnotnull(['n']) and not(['n'] == long(1))) or isnull(['s']))",
                kql(new Not(new And(new EqualTo("n", 1L), new IsNotNull("s")))));
        assertEquals("(['n'] == long(1) or ['s'] == \"a\")", kql(new Or(new EqualTo("n", 1L), new EqualTo("s", "a"))));
        assertEquals("(isnull(['n']) or ['n'] != long(1))", kql(new Not(new EqualNullSafe("n", 1L))));
        assertEquals("(isnotnull(['n']) and ['n'] == long(1))", kql(new EqualNullSafe("n", 1L)));
        assertEquals("isnull(['n'])", kql(new EqualNullSafe("n", null)));
    }

    @Test
    void datetimeLiteralsAreUtcWhateverTheDefaultZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Timestamp t = Timestamp.from(Instant.parse("2024-03-10T10:30:00.123456Z"));
            assertEquals("['t'] > datetime(2024-03-10T10:30:00.1234560Z)", kql(new GreaterThan("t", t)));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void whatKustoCannotEvaluateExactlyStaysWithSpark() {
        notPushed(new GreaterThan("s", "a"));
        notPushed(new EqualTo("g", "00000000-0000-0000-0000-000000000000"));
        notPushed(new StringContains("g", "0"));
        notPushed(new EqualTo("a b", Double.NaN));
        notPushed(new In("n", new Object[] {1L, null}));
        notPushed(new EqualTo("missing", 1));
        notPushed(new EqualTo("nested.field", 1));
        notPushed(new And(new EqualTo("n", 1L), new GreaterThan("s", "a")));
    }

    @Test
    void pushedAndRemainingAreSplitPerFilter() {
        Filter pushable = new EqualTo("n", 1L);
        Filter kept = new GreaterThan("s", "a");
        Filter other = new IsNotNull("s");
        FilterTranslation result = translator.translate(new Filter[] {pushable, kept, other});
        assertEquals(List.of(pushable, other), result.pushed());
        assertEquals(List.of(kept), result.remaining());
        assertEquals("(['n'] == long(1)) and (isnotnull(['s']))", result.predicate().orElseThrow());
    }

    @Test
    void kustoTypesAreAskedOnlyForColumnsAStringFilterTouches() {
        // A user-given schema's Kusto types cost a query: filters that do not depend on them must not ask.
        List<String> asked = new java.util.ArrayList<>();
        KustoFilterTranslator lazy = new KustoFilterTranslator(KUSTO_TYPES.keySet(), name -> {
            asked.add(name);
            return KUSTO_TYPES.get(name);
        });
        lazy.translate(new Filter[] {new GreaterThan("n", 1L), new IsNull("g"), new EqualTo("b", true)});
        assertEquals(List.of(), asked);
        lazy.translate(new Filter[] {new EqualTo("s", "x"), new StringStartsWith("g", "0")});
        assertEquals(List.of("s", "g"), asked);
    }
}
