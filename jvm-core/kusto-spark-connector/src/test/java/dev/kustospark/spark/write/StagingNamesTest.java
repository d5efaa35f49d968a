package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Names of temporary tables and task attempt tags. */
class StagingNamesTest {
    @Test
    void tempTableNameHasOnlyIdentifierCharacters() {
        assertEquals("sparkTempTable_my_app_My_Table_0a1b_2c",
                StagingTable.generatedName("my app", "My-Table", "0a1b-2c"));
    }

    @Test
    void everyTaskAttemptHasItsOwnTag() {
        assertEquals("KSC.attempt:w1_p3_t17", QueuedDataWriterFactory.attemptTag("w1", 3, 17));
        assertNotEquals(QueuedDataWriterFactory.attemptTag("w1", 3, 17), QueuedDataWriterFactory.attemptTag("w1", 3, 18));
    }
}
