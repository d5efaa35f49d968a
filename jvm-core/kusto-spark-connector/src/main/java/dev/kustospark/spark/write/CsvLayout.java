package dev.kustospark.spark.write;

import java.io.Serializable;

/**
 * How tasks lay out their rows as CSV, fixed on the driver after the table checks.
 *
 * @param sources  {@code sources[i]} is the DataFrame field written as the i-th CSV field, or -1 for a
 *     field left empty
 * @param parsedAs {@code parsedAs[f]} is the Kusto type (guid or timespan) that the string values of
 *     DataFrame field {@code f} must parse as to be stored, or null when any value is stored as is
 */
record CsvLayout(int[] sources, String[] parsedAs) implements Serializable {
    CsvLayout {
        sources = sources.clone();
        parsedAs = parsedAs.clone();
    }
}
