"""Writes a table to kusto-local and reads it back through an installed kusto-spark wheel.

Run with the interpreter of the virtualenv the wheel was installed into; nothing else gives it the
connector: the session gets its jar from ``kusto_spark.configure``, which must find the jar inside
the installed package. Arguments: cluster URL, database, table to create. Exits non-zero on failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

import kusto_spark
from kusto_spark import KustoReadOptions, KustoWriteOptions, TableCreationMode
from pyspark.sql import SparkSession


def check(ok: bool, what: str) -> None:
    if not ok:
        sys.exit(f"FAILED: {what}")
    print(f"ok: {what}")


def main(cluster: str, database: str, table: str) -> None:
    jar = Path(kusto_spark.jar_path())
    check(Path(kusto_spark.__file__).parent in jar.parents, f"the jar comes with the package: {jar.name}")

    builder = SparkSession.builder.master("local[2]").appName("kusto-wheel-smoke") \
        .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
    spark = kusto_spark.configure(builder).getOrCreate()
    try:
        rows = spark.range(1, 101).selectExpr("id AS x", "concat('v', CAST(id AS STRING)) AS s")
        kusto_spark.write(rows, KustoWriteOptions().kusto_cluster(cluster).kusto_database(database)
                          .kusto_table(table).table_create_options(TableCreationMode.CreateIfNotExist))
        print(f"wrote 100 rows to {table}")
        back = kusto_spark.read(spark, KustoReadOptions().kusto_cluster(cluster).kusto_database(database)
                                .kusto_query(table))
        values = [(row.x, row.s) for row in back.filter("x > 90").orderBy("x").collect()]
        check(values == [(x, f"v{x}") for x in range(91, 101)], f"read back x > 90: {values}")
    finally:
        spark.stop()
    print("wheel smoke test passed")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: wheel_smoke.py <cluster url> <database> <table>")
    main(*sys.argv[1:])
