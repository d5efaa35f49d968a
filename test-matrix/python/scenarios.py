"""The twelve scenarios of test-matrix/scenarios, each returning its checksum or raising ScenarioFailure."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime, timezone
from typing import Callable

from matrix_session import DATABASE, LINKED_SERVICE, MatrixSession, ScenarioFailure, check
from pyspark.sql import DataFrame

import kusto_spark
from kusto_spark import (ClientRequestProperties, CsvColumnMapping, KustoReadOptions, KustoWriteOptions, ReadMode,
                         SparkIngestionProperties, TableCreationMode, WriteMode)

SYNAPSE_FORMAT = "com.microsoft.kusto.spark.synapse.datasource"

EVERY_TYPE = """
SELECT * FROM VALUES
  (true, CAST(7 AS INT), CAST(9000000000 AS BIGINT), CAST(1.5 AS DOUBLE), CAST('12.345678901234567890' AS DECIMAL(38,18)),
   'héllo "q"', TIMESTAMP '2024-01-02 03:04:05.123456', '01:02:03', '{"a":[1,2]}', 'd5b1c8b2-1c1e-4e63-9a3f-5a6b7c8d9e0f'),
  (CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(38,18)),
   CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING))
AS t(b, i, l, r, d, s, ts, span, dyn, g)"""
EVERY_TYPE_COLUMNS = ["b", "i", "l", "r", "d", "s", "ts", "span", "dyn", "g"]
# The input as Kusto gives it back: a Kusto string is never null, so a null string reads back empty.
EVERY_TYPE_READ_BACK = ["b", "i", "l", "r", "d", "coalesce(s, '') AS s", "ts", "coalesce(span, '') AS span",
                        "coalesce(dyn, '') AS dyn", "coalesce(g, '') AS g"]


def _synapse_read(s: MatrixSession, extra: dict[str, str]) -> DataFrame:
    return s.spark.read \
        .format(SYNAPSE_FORMAT) \
        .option("spark.synapse.linkedService", LINKED_SERVICE) \
        .option("kustoDatabase", DATABASE) \
        .option("kustoQuery", "MatrixNumbers | where x > 10") \
        .options(**extra) \
        .load()


def _check_seed_rows(s: MatrixSession, rows: DataFrame) -> str:
    types = {f.name: f.dataType.simpleString() for f in rows.schema.fields}
    check(types.get("x") == "bigint" and types.get("s") == "string", f"schema is {rows.schema.simpleString()}")
    result = rows.select("x", "s")
    count = result.count()
    check(count == 990, f"expected 990 rows, got {count}")
    return s.checksum(result)


def seed_read(s: MatrixSession) -> str:
    return _check_seed_rows(s, _synapse_read(s, {}))


def seed_distributed_read(s: MatrixSession) -> str:
    crp = ClientRequestProperties.builder().no_request_timeout(True).build()
    typed = KustoReadOptions().client_request_properties(crp).read_mode(ReadMode.ForceDistributedMode)
    rows = _synapse_read(s, typed.to_options())
    plan = io.StringIO()
    with contextlib.redirect_stdout(plan):
        rows.explain()
    check("mode=ForceDistributedMode" in plan.getvalue(), f"the read is not distributed: {plan.getvalue()}")
    return _check_seed_rows(s, rows)


def pushdown(s: MatrixSession) -> str:
    result = s.read(s.read_options("MatrixNumbers").read_mode(ReadMode.ForceSingleMode)) \
        .filter("x > 900 AND s LIKE 'v99%'").select("s").orderBy("s").limit(5)
    values = [r.s for r in result.collect()]
    check(values == ["v990", "v991", "v992", "v993", "v994"], f"got {values}")
    return s.checksum(result)


def partitioned_read(s: MatrixSession) -> str:
    rows = s.read(s.read_options("MatrixNumbers | where x <= 500").read_mode(ReadMode.ForcePartitionedMode)
                  .partition_column("x").num_partitions(4))
    partitions = rows.rdd.getNumPartitions()
    check(partitions == 4, f"expected 4 partitions, got {partitions}")
    result = rows.select("x", "s")
    count = result.count()
    check(count == 500, f"expected 500 rows, got {count}")
    return s.checksum(result)


def query_parameters(s: MatrixSession) -> str:
    parameters = ClientRequestProperties.builder().long_parameter("minX", 950).string_parameter("prefix", "v99").build()
    result = s.read(s.read_options("declare query_parameters(minX:long, prefix:string);\n"
                                   "MatrixNumbers | where x > minX and s startswith prefix")
                    .client_request_properties(parameters).read_mode(ReadMode.ForceSingleMode)).select("x", "s")
    xs = sorted(r.x for r in result.collect())
    check(xs == list(range(990, 1000)), f"got x = {xs}")
    return s.checksum(result)


def _write_options(cluster: str, table: str) -> KustoWriteOptions:
    return (KustoWriteOptions().kusto_cluster(cluster).kusto_database(DATABASE).kusto_table(table)
            .write_mode(WriteMode.Transactional).table_create_options(TableCreationMode.CreateIfNotExist))


def seed_write(s: MatrixSession) -> str:
    lang = s.env.lang
    table = s.env.table("Seed")
    df = s.spark.sql("SELECT id AS ColA, concat('v', CAST(id AS STRING)) AS ColB FROM range(0, 100, 1, 3)")
    sp = SparkIngestionProperties.builder() \
        .drop_by_tags([f"drop_{lang}"]).ingest_by_tags([f"ingest_{lang}"]) \
        .additional_tags([f"tag_{lang}"]).ingest_if_not_exists([f"ingest_{lang}"]) \
        .creation_time(datetime(2021, 6, 7, 8, 9, 10, tzinfo=timezone.utc)) \
        .csv_mapping([CsvColumnMapping.of_ordinal("ColA", 0), CsvColumnMapping.of_ordinal("ColB", 1)]) \
        .build()
    df.write \
        .format(SYNAPSE_FORMAT) \
        .option("spark.synapse.linkedService", LINKED_SERVICE) \
        .option("kustoDatabase", DATABASE) \
        .option("kustoTable", table) \
        .option("sparkIngestionPropertiesJson", sp.to_json()) \
        .option("tableCreateOptions", "CreateIfNotExist") \
        .mode("Append") \
        .save()
    result = s.spark.read \
        .format(SYNAPSE_FORMAT) \
        .option("spark.synapse.linkedService", LINKED_SERVICE) \
        .option("kustoDatabase", DATABASE) \
        .option("kustoQuery", table) \
        .load().select("ColA", "ColB")
    rows = result.count()
    check(rows == 100, f"expected 100 rows, got {rows}")
    return s.checksum(result)


def every_type_round_trip(s: MatrixSession) -> str:
    table = s.env.table("Types")
    frame = s.spark.sql(EVERY_TYPE)
    kusto_spark.write(frame, _write_options(s.env.url, table))
    result = s.read(s.read_options(table)).selectExpr(*EVERY_TYPE_COLUMNS)
    rows = result.count()
    check(rows == 2, f"expected 2 rows, got {rows}")
    expected = s.checksum(frame.selectExpr(*EVERY_TYPE_READ_BACK))
    actual = s.checksum(result)
    check(expected == actual, f"the values read back differ from those written: {result.collect()} "
                              f"(schema {result.schema.simpleString()})")
    return actual


def ingest_if_not_exists(s: MatrixSession) -> str:
    table = s.env.table("Dedupe")
    tag = f"once_{s.env.lang}"
    frame = s.spark.sql("SELECT id AS k, concat('r', CAST(id AS STRING)) AS v FROM range(0, 10, 1, 2)")
    options = _write_options(s.env.url, table).spark_ingestion_properties(
        SparkIngestionProperties.builder().ingest_by_tags([tag]).ingest_if_not_exists([tag]).build())
    kusto_spark.write(frame, options)
    kusto_spark.write(frame, options)
    result = s.read(s.read_options(table)).select("k", "v")
    rows = result.count()
    check(rows == 10, f"expected 10 rows after writing twice, got {rows}")
    return s.checksum(result)


def transactional_failure(s: MatrixSession) -> str:
    cluster = s.env.faulty_url
    table = s.env.table("TxFail")
    frame = s.spark.sql("SELECT id AS k FROM range(0, 40, 1, 4)")
    options = _write_options(cluster, table)
    messages = MatrixSession.failure_messages("the first write (its ingestion fails)",
                                              lambda: kusto_spark.write(frame, options))
    check("ingestion" in messages.lower() and "Failed" in messages,
          f"the first write's error does not say an ingestion failed: {messages}")
    after_failure = s.read(s.read_options(f"{table} | count", cluster)).first()[0]
    check(after_failure == 0, f"expected 0 rows after the failed write, got {after_failure}")
    kusto_spark.write(frame, options)
    result = s.read(s.read_options(table, cluster)).select("k")
    rows, distinct = result.count(), result.distinct().count()
    check(rows == 40 and distinct == 40, f"expected k = 0..39 once each, got {rows} rows, {distinct} distinct")
    return s.checksum(result)


def _require_all(messages: str, *parts: str) -> None:
    for part in parts:
        check(part in messages, f"the error does not contain '{part}': {messages}")


def bad_option(s: MatrixSession) -> str:
    # The raw option, not the typed builder: the connector itself must refuse the value.
    options = {**s.read_options("MatrixNumbers").to_options(), "readMode": "Sometimes"}
    messages = MatrixSession.failure_messages("a read with readMode=Sometimes", lambda: s.read(options).collect())
    _require_all(messages, "readMode", "Sometimes", "ForceSingleMode")
    return MatrixSession.error_checksum("readMode")


def unknown_table(s: MatrixSession) -> str:
    table = s.env.table("NoSuchTable")
    messages = MatrixSession.failure_messages(f"a read of {table}",
                                              lambda: s.read(s.read_options(f"{table} | take 1")).collect())
    _require_all(messages, table)
    return MatrixSession.error_checksum("NoSuchTable")


def auth_required(s: MatrixSession) -> str:
    query = "MatrixNumbers | where x <= 3"
    auth_url = s.env.auth_url
    messages = MatrixSession.failure_messages("a read without a token",
                                              lambda: s.read(s.read_options(query, auth_url)).collect())
    check("401" in messages or "Unauthorized" in messages, f"the error does not say 401 or Unauthorized: {messages}")
    result = s.read(s.read_options(query, auth_url).access_token(s.env.token)).select("x", "s")
    xs = sorted(r.x for r in result.collect())
    check(xs == [1, 2, 3], f"with the token, got x = {xs}")
    wrong_token = s.env.token + "-wrong"
    refused = MatrixSession.failure_messages(
        "a read with a wrong token",
        lambda: s.read(s.read_options(query, auth_url).access_token(wrong_token)).collect())
    if s.env.token in refused:
        raise ScenarioFailure("an error message shows the token")
    return s.checksum(result)


SCENARIOS: dict[str, Callable[[MatrixSession], str]] = {
    "01-seed-read": seed_read,
    "02-seed-distributed-read": seed_distributed_read,
    "03-seed-write": seed_write,
    "04-every-type-round-trip": every_type_round_trip,
    "05-pushdown": pushdown,
    "06-partitioned-read": partitioned_read,
    "07-query-parameters": query_parameters,
    "08-ingest-if-not-exists": ingest_if_not_exists,
    "09-transactional-failure": transactional_failure,
    "10-bad-option": bad_option,
    "11-unknown-table": unknown_table,
    "12-auth-required": auth_required,
}
