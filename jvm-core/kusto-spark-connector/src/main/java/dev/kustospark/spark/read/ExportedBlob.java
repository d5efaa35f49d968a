package dev.kustospark.spark.read;

import java.io.Serializable;

/** One file an export wrote: its container and blob name. */
record ExportedBlob(ExportLocation location, String name, long size) implements Serializable {}
