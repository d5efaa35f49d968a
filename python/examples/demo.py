"""Writes a DataFrame to Kusto and reads it back, saying what it does at each step.

Streaming ingestion needs no storage account, so a plain kusto-local will do (``KUSTO_LOCAL_URL``,
database ``KUSTO_DATABASE``, default ``demo``)::

    KUSTO_LOCAL_URL=http://localhost:8080 python python/examples/demo.py
"""

from __future__ import annotations

import os
import sys
import uuid

from pyspark.sql import SparkSession

import kusto_spark
from kusto_spark import KustoReadOptions, KustoWriteOptions, ReadMode, TableCreationMode, WriteMode


def main() -> int:
    url = os.environ.get("KUSTO_LOCAL_URL")
    if not url:
        print("Set KUSTO_LOCAL_URL to the cluster, e.g. http://localhost:8080 for kusto-local.", file=sys.stderr)
        return 2
    database = os.environ.get("KUSTO_DATABASE", "demo")
    table = f"Demo_{uuid.uuid4().hex[:8]}"

    print(f"connector jar: {kusto_spark.jar_path()}")
    spark = (kusto_spark.configure(SparkSession.builder.master("local[2]").appName("kusto_spark demo"))
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        frame = spark.sql("SELECT id AS Id, concat('item ', CAST(id AS STRING)) AS Name, "
                          "CAST(id * 1.5 AS DOUBLE) AS Price FROM range(0, 10, 1, 2)")
        write_options = (KustoWriteOptions().kusto_cluster(url).kusto_database(database).kusto_table(table)
                         .write_mode(WriteMode.KustoStreaming)
                         .table_create_options(TableCreationMode.CreateIfNotExist))
        print(f"writing {frame.count()} rows to {database}.{table} at {url} (KustoStreaming, CreateIfNotExist)")
        kusto_spark.write(frame, write_options)

        read_options = (KustoReadOptions().kusto_cluster(url).kusto_database(database)
                        .kusto_query(f"{table} | order by Id asc").read_mode(ReadMode.ForceSingleMode))
        print(f"reading {table} back (ForceSingleMode)")
        back = kusto_spark.read(spark, read_options)
        back.show()
        print(f"read {back.count()} rows with schema {back.schema.simpleString()}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
