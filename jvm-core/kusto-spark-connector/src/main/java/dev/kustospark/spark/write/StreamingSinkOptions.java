package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.WriteMode;
import dev.kustospark.spark.config.WriteConfig;

/** The write options the streaming sink refuses, because with them it could not write each batch exactly once. */
final class StreamingSinkOptions {
    private StreamingSinkOptions() {}

    static void requireSupported(WriteConfig config) {
        if (config.writeMode() != WriteMode.Transactional) {
            throw new KustoOptionException("writeMode=" + config.writeMode() + " cannot be used with writeStream: the"
                    + " streaming sink writes each micro-batch exactly once only through a temporary table; remove"
                    + " writeMode or set writeMode=Transactional");
        }
        if (config.writeEnableAsync()) {
            throw new KustoOptionException("writeEnableAsync=true cannot be used with writeStream: a micro-batch may"
                    + " only be recorded as done in the checkpoint once its data is in the table; remove"
                    + " writeEnableAsync");
        }
        if (config.sparkIngestionProperties().ingestIfNotExists().isPresent()) {
            // Within a micro-batch's temporary table the first partition's ingest-by tag would make the service
            // skip every other partition; the sink already skips a replayed batch by its own batch tag.
            throw new KustoOptionException("ingestIfNotExists in sparkIngestionPropertiesJson cannot be used with"
                    + " writeStream: the sink skips a replayed micro-batch by its own batch tag; remove"
                    + " ingestIfNotExists");
        }
        if (config.tempTableName().isPresent()) {
            throw new KustoOptionException("tempTableName cannot be used with writeStream: every micro-batch stages its"
                    + " data in a temporary table of its own; remove tempTableName");
        }
    }
}
