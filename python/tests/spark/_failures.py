"""Connector failures a user meets on the plain ``spark.read`` / ``df.write`` path, shared by the classic
and the Spark Connect tests: each fails at a different moment (loading, an action, a write on the
driver, a write in an executor's data writer, a refused option)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from _support import DATABASE, unique_table
from pyspark.errors import IllegalArgumentException, PySparkException

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: Lines of ``traceback.format_exception`` that still fit on a screen.
ONE_SCREEN = 25
JVM_STACK_CONF = "spark.sql.pyspark.jvmStacktrace.enabled"
CONNECTOR_CONDITION = "KUSTO_CONNECTOR_ERROR"
OPTION_CONDITION = "KUSTO_INVALID_OPTION"


@dataclass(frozen=True)
class Failure:
    """A call that fails, and what the connector's message starts with."""

    name: str
    #: Sets up what the call needs (a table, rows) and returns the call and its message's first words.
    prepare: Callable[[SparkSession, str], tuple[Callable[[], object], str]]
    condition: str

    def __str__(self) -> str:
        return self.name


def _reader(spark: SparkSession, kusto_url: str):  # type: ignore[no-untyped-def]
    return spark.read.format("kusto").option("kustoCluster", kusto_url).option("kustoDatabase", DATABASE)


def _writer(spark: SparkSession, kusto_url: str, rows: str, table: str):  # type: ignore[no-untyped-def]
    return (spark.sql(rows).write.format("kusto").option("kustoCluster", kusto_url).option("kustoDatabase", DATABASE)
            .option("kustoTable", table).mode("append"))


def _table_with_rows(spark: SparkSession, kusto_url: str) -> str:
    table = unique_table("Errors")
    _writer(spark, kusto_url, "SELECT id AS x FROM range(0, 5)", table).option(
        "tableCreateOptions", "CreateIfNotExist").save()
    return table


def _unknown_table_at_load(spark: SparkSession, kusto_url: str) -> tuple[Callable[[], object], str]:
    # .schema: a Spark Connect client sends the plan only when it needs an answer.
    return (lambda: _reader(spark, kusto_url).option("kustoQuery", "NoSuchTable_errors | take 1").load().schema,
            "Reading the schema of kustoQuery 'NoSuchTable_errors | take 1' failed: ")


def _unknown_column_at_collect(spark: SparkSession, kusto_url: str) -> tuple[Callable[[], object], str]:
    # With customSchema nothing asks Kusto at load time; the partition's query fails in the task.
    table = _table_with_rows(spark, kusto_url)
    frame = (_reader(spark, kusto_url).option("kustoQuery", table).option("readMode", "ForceSingleMode")
             .option("customSchema", "x long, missing long").load())
    return frame.collect, f"Query '{table} | "


def _unknown_table_at_save(spark: SparkSession, kusto_url: str) -> tuple[Callable[[], object], str]:
    writer = _writer(spark, kusto_url, "SELECT 1L AS x", "NoSuchTable_errors").option(
        "tableCreateOptions", "FailIfNotExist")
    return writer.save, "table 'NoSuchTable_errors' (option kustoTable) does not exist"


def _not_a_guid_in_a_data_writer(spark: SparkSession, kusto_url: str) -> tuple[Callable[[], object], str]:
    # Each task checks the strings it writes into a guid column; the driver cannot see the values.
    from azure.kusto.data import KustoClient, KustoConnectionStringBuilder

    table = unique_table("Guids")
    KustoClient(KustoConnectionStringBuilder.with_no_authentication(kusto_url)).execute_mgmt(
        DATABASE, f".create table {table} (g: guid)")
    writer = _writer(spark, kusto_url, "SELECT 'order-17' AS g", table).option("writeMode", "KustoStreaming")
    return writer.save, "DataFrame column 'g' holds 'order-17', which is not a guid: "


def _refused_option(spark: SparkSession, kusto_url: str) -> tuple[Callable[[], object], str]:
    return (lambda: _reader(spark, kusto_url).option("kustoQuery", "print 1").option("readMode", "Sometimes")
            .load().schema,
            "Option readMode has value 'Sometimes': allowed values: ForceSingleMode, ")


FAILURES = [
    Failure("read-time", _unknown_table_at_load, CONNECTOR_CONDITION),
    Failure("action-time", _unknown_column_at_collect, CONNECTOR_CONDITION),
    Failure("write-time", _unknown_table_at_save, OPTION_CONDITION),
    Failure("write-time-in-a-task", _not_a_guid_in_a_data_writer, CONNECTOR_CONDITION),
    Failure("refused-option", _refused_option, OPTION_CONDITION),
]


def raised(call: Callable[[], object]) -> Exception:
    """The exception the call raises."""
    try:
        call()
    except Exception as failure:  # noqa: BLE001 - the test asserts what it is
        return failure
    raise AssertionError("the call did not fail")


def assert_one_screen(failure: BaseException, message_start: str) -> None:
    """The connector's message is the first line, and the printed exception fits on a screen."""
    first_line = str(failure).splitlines()[0]
    assert first_line.startswith(message_start), first_line
    printed = "".join(traceback.format_exception(failure))
    assert len(printed.splitlines()) < ONE_SCREEN, printed
    assert "JVM stacktrace" not in printed and "\tat " not in printed, printed


def check_one_screen(spark: SparkSession, kusto_url: str, case: Failure) -> None:
    """The failure is PySpark's exception with the connector's condition, its message first, on one screen."""
    call, message_start = case.prepare(spark, kusto_url)

    failure = raised(call)

    assert_one_screen(failure, message_start)
    assert isinstance(failure, PySparkException) and failure.getCondition() == case.condition
    if case.condition == OPTION_CONDITION:
        assert isinstance(failure, IllegalArgumentException)


def check_stack_when_asked(spark: SparkSession, kusto_url: str, case: Failure) -> None:
    """With jvmStacktrace enabled, the JVM stack follows the connector's message."""
    call, message_start = case.prepare(spark, kusto_url)
    spark.conf.set(JVM_STACK_CONF, "true")
    try:
        # Classic PySpark adds the stack when the exception is printed, so print it while the conf is set.
        text = str(raised(call))
    finally:
        spark.conf.unset(JVM_STACK_CONF)

    assert text.startswith(message_start), text
    assert "JVM stacktrace:" in text and "\tat dev.kustospark.spark." in text, text
