package dev.kustospark.spark;

import dev.kustospark.spark.compat.ScalaCollections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;

/**
 * A streaming source of integers the test adds batches to. Spark 4 moved MemoryStream to the streaming.runtime package and takes the session itself;
 * each Spark line's test sources have their own copy of this class.
 */
final class IntMemoryStream {
    private final MemoryStream<Integer> stream;

    private IntMemoryStream(MemoryStream<Integer> stream) {
        this.stream = stream;
    }

    static IntMemoryStream create(SparkSession spark) {
        return new IntMemoryStream(MemoryStream.apply(Encoders.INT(), spark));
    }

    /** Adds one batch; a batch made of one call is one partition. */
    void add(List<Integer> values) {
        stream.addData(ScalaCollections.toScalaSeq(values));
    }

    Dataset<Row> toDF() {
        return stream.toDF();
    }

    Dataset<Integer> toDS() {
        return stream.toDS();
    }
}
