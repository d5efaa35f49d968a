package dev.kustospark.spark.compat;

import java.util.List;
import java.util.Map;
import scala.collection.JavaConverters;

/**
 * Java and Scala collections, converted for Scala 2.12 (Spark 3.5), which has
 * {@code scala.collection.JavaConverters} but not 2.13's {@code scala.jdk.javaapi.CollectionConverters}.
 * Spark 4's copy of this class (src/main/spark-4.2) has the same methods. Internal: not part of the
 * connector's API.
 */
public final class ScalaCollections {
    private ScalaCollections() {}

    /** A read-only Java view of a Scala map. */
    public static <K, V> Map<K, V> asJava(scala.collection.Map<K, V> map) {
        return JavaConverters.mapAsJavaMap(map);
    }

    /** An immutable Scala map (Scala's {@code Predef.Map}) with the entries of a Java map. */
    public static <K, V> scala.collection.immutable.Map<K, V> toScalaMap(Map<K, V> map) {
        scala.collection.immutable.Map<K, V> result = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<K, V> entry : map.entrySet()) {
            result = result.updated(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** An immutable Scala sequence; in 2.12 it is also the {@code scala.collection.Seq} varargs take. */
    public static <A> scala.collection.immutable.Seq<A> toScalaSeq(List<A> list) {
        return JavaConverters.asScalaBuffer(list).toList();
    }
}
