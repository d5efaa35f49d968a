"""kusto_spark.read / write through a Spark Connect session, against a Connect server started from
pyspark's own Spark distribution with the connector jar."""

from __future__ import annotations

import datetime as dt
import os
from typing import Iterator

import pytest
from _failures import FAILURES, Failure, check_one_screen, check_stack_when_asked
from _support import DATABASE, await_rows, leftover_table, running_process, spark_home, unique_table
from pyspark.sql import SparkSession

import kusto_spark
from kusto_spark import KustoReadOptions, KustoSparkError, KustoWriteOptions, ReadMode, TableCreationMode, WriteMode

READY_PREFIX = "Spark Connect server started at: "


@pytest.fixture(scope="module")
def connect_url() -> Iterator[str]:
    """A Spark Connect server on a free port, with the connector jar on its classpath."""
    home = spark_home()
    command = [os.path.join(home, "bin", "spark-submit"),
               "--class", "org.apache.spark.sql.connect.service.SparkConnectServer",
               "--master", "local[2]", "--name", "kusto_spark connect tests",
               "--jars", kusto_spark.jar_path(),
               "--conf", "spark.ui.enabled=false",
               "--conf", "spark.sql.session.timeZone=UTC",
               # As python/README.md starts it: Spark Connect's own default prints the server's JVM stack
               # with every error; off, errors read as on classic PySpark (the stack with jvmStacktrace).
               "--conf", "spark.sql.connect.serverStacktrace.enabled=false",
               # Port 0: the server binds a free port and logs it in READY_PREFIX's line.
               "--conf", "spark.connect.grpc.binding.port=0",
               "spark-internal"]
    env = {**os.environ, "SPARK_HOME": home}
    with running_process(command, READY_PREFIX, env=env) as address:
        yield f"sc://localhost:{address.rsplit(':', 1)[1]}"


@pytest.fixture(scope="module")
def spark(connect_url: str) -> Iterator[SparkSession]:
    # No kusto_spark.configure: the server has the jar, and a client cannot add one.
    session = SparkSession.builder.remote(connect_url).getOrCreate()
    try:
        yield session
    finally:
        session.stop()
        # PySpark marks the process as a Connect client; the other modules start classic sessions.
        os.environ.pop("SPARK_CONNECT_MODE_ENABLED", None)


def test_the_session_is_a_connect_session(spark: SparkSession) -> None:
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    assert isinstance(spark, ConnectSession)


def test_configure_leaves_a_connect_builder_unchanged() -> None:
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    builder = ConnectSession.builder
    assert kusto_spark.configure(builder) is builder


def test_write_then_read_through_connect(spark: SparkSession, kusto_url: str) -> None:
    table = unique_table("Connect")
    frame = spark.sql("SELECT id AS k, concat('c', CAST(id AS STRING)) AS v FROM range(0, 50, 1, 2)")

    kusto_spark.write(frame, KustoWriteOptions().kusto_cluster(kusto_url).kusto_database(DATABASE).kusto_table(table)
                      .write_mode(WriteMode.Queued).table_create_options(TableCreationMode.CreateIfNotExist))
    back = kusto_spark.read(spark, KustoReadOptions().kusto_cluster(kusto_url).kusto_database(DATABASE)
                            .kusto_query(f"{table} | where k >= 10").read_mode(ReadMode.ForceDistributedMode))

    rows = await_rows(back.collect, 40)
    assert sorted(r.k for r in rows) == list(range(10, 50))
    assert all(r.v == f"c{r.k}" for r in rows)


def test_kusto_message_comes_first_through_connect(spark: SparkSession, kusto_url: str) -> None:
    with pytest.raises(KustoSparkError) as failure:
        kusto_spark.read(spark, KustoReadOptions().kusto_cluster(kusto_url).kusto_database(DATABASE)
                         .kusto_query("NoSuchTable_connect | take 1"))

    assert str(failure.value).startswith("Reading the schema of kustoQuery 'NoSuchTable_connect | take 1' failed: ")


@pytest.mark.parametrize("case", FAILURES, ids=str)
def test_plain_spark_calls_fail_with_the_connectors_message_on_one_screen(spark: SparkSession, kusto_url: str,
                                                                          case: Failure) -> None:
    check_one_screen(spark, kusto_url, case)


@pytest.mark.parametrize("case", FAILURES, ids=str)
def test_the_jvm_stack_is_there_when_asked_for(spark: SparkSession, kusto_url: str, case: Failure) -> None:
    check_stack_when_asked(spark, kusto_url, case)


def test_cleanup_and_async_write_outcomes_through_connect(spark: SparkSession, kusto_url: str) -> None:
    from azure.kusto.data import KustoClient, KustoConnectionStringBuilder

    kusto = KustoClient(KustoConnectionStringBuilder.with_no_authentication(kusto_url))
    crashed = leftover_table(kusto, "Connect", dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2))

    removed = kusto_spark.cleanup(spark, {"kustoCluster": kusto_url, "kustoDatabase": DATABASE})
    assert crashed in removed.dropped_tables

    table = unique_table("ConnectAsync")
    kusto_spark.write(spark.range(0, 20, 1, 1), KustoWriteOptions().kusto_cluster(kusto_url).kusto_database(DATABASE)
                      .kusto_table(table).table_create_options(TableCreationMode.CreateIfNotExist)
                      .write_enable_async(True).request_id("connect-async"))
    outcome = kusto_spark.await_async_write(spark, "connect-async", timeout=120).or_raise()
    assert (outcome.state, outcome.table, outcome.rows) == ("SUCCEEDED", table, 20)
