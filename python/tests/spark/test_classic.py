"""kusto_spark.read / write on a classic local session: every type, every read mode, every write mode,
and the errors a user sees."""

from __future__ import annotations

import datetime as dt
import traceback
from decimal import Decimal
from typing import Iterator

import pytest
from _failures import FAILURES, ONE_SCREEN, Failure, check_one_screen, check_stack_when_asked
from _support import await_rows, classic_session, unique_table
from pyspark.sql import SparkSession
from pyspark.sql.types import (ArrayType, BooleanType, ByteType, DateType, DecimalType, DoubleType, FloatType,
                               IntegerType, LongType, MapType, Row, ShortType, StringType, StructField,
                               StructType, TimestampType)

import kusto_spark
from kusto_spark import (ClientRequestProperties, KustoReadOptions, KustoSparkError, KustoSparkOptionError,
                         KustoWriteOptions, ReadMode, TableCreationMode, WriteMode)

UTC = dt.timezone.utc

# Spark types that Kusto stores as they are, so a round trip gives back equal values.
EXACT_TYPES = StructType([
    StructField("s", StringType()), StructField("i", IntegerType()), StructField("l", LongType()),
    StructField("b", BooleanType()), StructField("r", DoubleType()), StructField("d", DecimalType(38, 18)),
    StructField("t", TimestampType()), StructField("where", LongType()), StructField("a b", StringType()),
])
EXACT_ROWS = [
    Row("quote \" comma , newline \n é", 1, 9007199254740993, True, 1.0e-7,
        Decimal("12345678901234567890.123456789012345678"),
        dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC), 7, "x y"),
    Row("", None, None, None, None, None, None, None, ""),
    Row("neg", -5, -2**63, False, -2.5, Decimal("-0.000000000000000001"),
        dt.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), None, "z"),
]


def _local(value: object) -> object:
    """A timestamp as PySpark collects it: naive, in the Python process's local time zone."""
    if isinstance(value, dt.datetime):
        return value.astimezone().replace(tzinfo=None)
    return value


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    with classic_session() as session:
        yield session


def read_options(kusto_url: str, database: str, query: str) -> KustoReadOptions:
    return KustoReadOptions().kusto_cluster(kusto_url).kusto_database(database).kusto_query(query)


def write_options(kusto_url: str, database: str, table: str) -> KustoWriteOptions:
    return (KustoWriteOptions().kusto_cluster(kusto_url).kusto_database(database).kusto_table(table)
            .table_create_options(TableCreationMode.CreateIfNotExist))


@pytest.fixture(scope="module")
def numbers(spark: SparkSession, kusto_url: str, database: str) -> str:
    """A table of x = 1..200 and s = 'v<x>', written once for the read tests."""
    table = unique_table("Numbers")
    frame = spark.sql("SELECT id AS x, concat('v', CAST(id AS STRING)) AS s FROM range(1, 201, 1, 2)")
    kusto_spark.write(frame, write_options(kusto_url, database, table))
    return table


def test_every_type_with_nulls_round_trips(spark: SparkSession, kusto_url: str, database: str) -> None:
    table = unique_table("Types")
    kusto_spark.write(spark.createDataFrame(EXACT_ROWS, EXACT_TYPES),
                      write_options(kusto_url, database, table).write_mode(WriteMode.Transactional))

    back = kusto_spark.read(spark, read_options(kusto_url, database, table))

    assert [(f.name, f.dataType) for f in back.schema.fields] == [(f.name, f.dataType) for f in EXACT_TYPES.fields]
    expected = [tuple(_local(v) for v in row) for row in EXACT_ROWS]
    assert sorted(map(tuple, back.collect()), key=lambda r: r[0]) == sorted(expected, key=lambda r: r[0])


def test_types_kusto_widens_come_back_as_the_wider_type(spark: SparkSession, kusto_url: str, database: str) -> None:
    schema = StructType([
        StructField("k", IntegerType()), StructField("sh", ShortType()), StructField("by", ByteType()),
        StructField("f", FloatType()), StructField("day", DateType()),
        StructField("arr", ArrayType(LongType())), StructField("m", MapType(StringType(), LongType())),
        StructField("st", StructType([StructField("a", StringType()), StructField("n", LongType())])),
    ])
    rows = [Row(1, 300, -7, 1.5, dt.date(2024, 2, 29), [1, 2], {"k": 3}, Row("x", 4)),
            Row(2, None, None, None, None, None, None, None)]
    table = unique_table("Widened")
    kusto_spark.write(spark.createDataFrame(rows, schema), write_options(kusto_url, database, table))

    back = kusto_spark.read(spark, read_options(kusto_url, database, f"{table} | order by k asc"))

    assert [(f.name, f.dataType) for f in back.schema.fields] == [
        ("k", IntegerType()), ("sh", IntegerType()), ("by", IntegerType()), ("f", DoubleType()),
        ("day", TimestampType()), ("arr", StringType()), ("m", StringType()), ("st", StringType())]
    first, second = back.collect()
    assert (first.sh, first.by, first.f) == (300, -7, 1.5)
    assert first.day == _local(dt.datetime(2024, 2, 29, tzinfo=UTC))
    assert (first.arr, first.m, first.st) == ("[1,2]", '{"k":3}', '{"a":"x","n":4}')
    assert tuple(second)[1:] == (None,) * 7


@pytest.mark.parametrize("mode", [ReadMode.ForceSingleMode, ReadMode.ForceDistributedMode,
                                  ReadMode.ForcePartitionedMode, None], ids=str)
def test_every_read_mode_reads_every_row(spark: SparkSession, kusto_url: str, database: str, numbers: str,
                                         mode: ReadMode | None) -> None:
    options = read_options(kusto_url, database, f"{numbers} | where x > 50")
    if mode is not None:
        options = options.read_mode(mode)
    if mode is ReadMode.ForcePartitionedMode:
        options = options.partition_column("x").num_partitions(3)

    frame = kusto_spark.read(spark, options)

    rows = frame.collect()
    assert sorted(r.x for r in rows) == list(range(51, 201))
    assert all(r.s == f"v{r.x}" for r in rows)
    if mode is ReadMode.ForcePartitionedMode:
        assert frame.rdd.getNumPartitions() == 3


@pytest.mark.parametrize("mode", [WriteMode.Transactional, WriteMode.Queued, WriteMode.KustoStreaming], ids=str)
def test_every_write_mode_lands_every_row_once(spark: SparkSession, kusto_url: str, database: str,
                                               mode: WriteMode) -> None:
    table = unique_table(f"Written{mode.value}")
    frame = spark.sql("SELECT id AS k, concat('r', CAST(id AS STRING)) AS v FROM range(0, 120, 1, 3)")

    kusto_spark.write(frame, write_options(kusto_url, database, table).write_mode(mode))

    back = await_rows(lambda: kusto_spark.read(spark, read_options(kusto_url, database, table)).collect(), 120)
    assert sorted(r.k for r in back) == list(range(120))
    assert all(r.v == f"r{r.k}" for r in back)


def test_query_parameters_reach_kusto(spark: SparkSession, kusto_url: str, database: str, numbers: str) -> None:
    properties = (ClientRequestProperties.builder().long_parameter("minX", 195).string_parameter("prefix", "v19")
                  .build())
    options = (read_options(kusto_url, database, "declare query_parameters(minX:long, prefix:string);\n"
                            f"{numbers} | where x > minX and s startswith prefix")
               .client_request_properties(properties).read_mode(ReadMode.ForceSingleMode))

    rows = kusto_spark.read(spark, options).collect()

    assert sorted(r.x for r in rows) == [196, 197, 198, 199]


def test_an_option_map_is_passed_as_is(spark: SparkSession, kusto_url: str, database: str, numbers: str) -> None:
    frame = kusto_spark.read(spark, {"kustoCluster": kusto_url, "kustoDatabase": database,
                                     "kustoQuery": f"{numbers} | where x <= 3", "readMode": "ForceSingleMode"})

    assert sorted(r.x for r in frame.collect()) == [1, 2, 3]


@pytest.mark.parametrize("case", FAILURES, ids=str)
def test_plain_spark_calls_fail_with_the_connectors_message_on_one_screen(spark: SparkSession, kusto_url: str,
                                                                          case: Failure) -> None:
    check_one_screen(spark, kusto_url, case)


@pytest.mark.parametrize("case", FAILURES, ids=str)
def test_the_jvm_stack_is_there_when_asked_for(spark: SparkSession, kusto_url: str, case: Failure) -> None:
    check_stack_when_asked(spark, kusto_url, case)


def test_a_missing_table_fails_with_kusto_message_first(spark: SparkSession, kusto_url: str, database: str) -> None:
    with pytest.raises(KustoSparkError) as failure:
        kusto_spark.read(spark, read_options(kusto_url, database, "NoSuchTable_py | take 1"))

    assert str(failure.value).startswith("Reading the schema of kustoQuery 'NoSuchTable_py | take 1' failed: ")
    assert failure.value.java_class == "dev.kustospark.spark.KustoConnectorException"
    assert len("".join(traceback.format_exception(failure.value)).splitlines()) < ONE_SCREEN


def test_an_option_the_connector_refuses_is_a_value_error(spark: SparkSession, kusto_url: str,
                                                          database: str, numbers: str) -> None:
    with pytest.raises(KustoSparkOptionError) as failure:
        kusto_spark.read(spark, {"kustoCluster": kusto_url, "kustoDatabase": database, "kustoQuery": numbers,
                                 "readMode": "Sometimes"})

    assert isinstance(failure.value, ValueError) and failure.value.option == "readMode"
    assert str(failure.value) == ("Option readMode has value 'Sometimes': allowed values: ForceSingleMode, "
                                  "ForceDistributedMode, ForcePartitionedMode.")


def test_kusto_errors_turns_a_failed_action_into_a_kusto_spark_error(spark: SparkSession, kusto_url: str,
                                                                      database: str, numbers: str) -> None:
    frame = kusto_spark.read(spark, read_options(kusto_url, database, numbers)
                             .custom_schema("x long, s string, missing long")
                             .read_mode(ReadMode.ForceSingleMode))

    with pytest.raises(KustoSparkError) as failure, kusto_spark.kusto_errors():
        frame.collect()

    assert str(failure.value).startswith(f"Query '{numbers} | ")
    assert failure.value.java_class == "dev.kustospark.spark.KustoConnectorException"
    assert failure.value.__context__.getSqlState() == "KD010"


def test_configure_put_the_connector_jar_on_the_session(spark: SparkSession) -> None:
    assert kusto_spark.jar_path() in spark.conf.get("spark.jars").split(",")
