package dev.kustospark.spark.compat;

import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Java and Scala collections, converted for Scala 2.13 (Spark 4). Scala 2.12 has another converter
 * class, so each Spark line compiles its own copy of this class (src/main/spark-&lt;line&gt;); callers
 * stay the same on both lines. Internal: not part of the connector's API.
 */
public final class ScalaCollections {
    private ScalaCollections() {}

    /** A read-only Java view of a Scala map. */
    public static <K, V> Map<K, V> asJava(scala.collection.Map<K, V> map) {
        return CollectionConverters.asJava(map);
    }

    /** An immutable Scala map (Scala's {@code Predef.Map}) with the entries of a Java map. */
    public static <K, V> scala.collection.immutable.Map<K, V> toScalaMap(Map<K, V> map) {
        return scala.collection.immutable.Map.from(CollectionConverters.asScala(map));
    }

    /** An immutable Scala sequence, which both lines accept where a Scala API takes varargs. */
    public static <A> scala.collection.immutable.Seq<A> toScalaSeq(List<A> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
