"""kusto_spark.cleanup and the outcome of asynchronous writes, on a classic session: leftovers made
as a crash leaves them are removed and live ones kept; a failed and a succeeded async write are
awaited (never slept on)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Iterator

import pytest
from _support import DATABASE, classic_session, leftover_table, owner_mark, running_kusto_local, unique_table
from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
from azure.storage.blob import ContainerClient
from pyspark.sql import SparkSession

import kusto_spark
from kusto_spark import KustoSparkError, KustoSparkOptionError, KustoWriteOptions, TableCreationMode

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    with classic_session() as session:
        yield session


@pytest.fixture(scope="module")
def kusto(kusto_url: str) -> KustoClient:
    return KustoClient(KustoConnectionStringBuilder.with_no_authentication(kusto_url))


def tables(kusto: KustoClient) -> set[str]:
    return {row["TableName"] for row in kusto.execute_mgmt(DATABASE, ".show tables").primary_results[0]}


def test_cleanup_removes_what_a_crash_left_and_keeps_what_a_live_write_uses(spark: SparkSession, kusto_url: str,
                                                                            kusto: KustoClient) -> None:
    now = dt.datetime.now(UTC)
    crashed = leftover_table(kusto, "Sales", now - dt.timedelta(days=2))
    live = leftover_table(kusto, "Sales", now + dt.timedelta(minutes=10))
    storage = kusto.execute_mgmt(DATABASE, ".create tempstorage").primary_results[0][0][0]
    container = ContainerClient.from_container_url(storage)
    prefix = f"kusto-spark/{uuid.uuid4()}"
    container.upload_blob(f"{prefix}_1_1.parquet", b"not read", overwrite=True)
    container.upload_blob(f"{prefix}.owner.json", owner_mark("export", DATABASE, now - dt.timedelta(days=2)),
                          overwrite=True)
    options = (KustoWriteOptions().kusto_cluster(kusto_url).kusto_database(DATABASE).kusto_table("Sales")
               .table_create_options(TableCreationMode.CreateIfNotExist))

    removed = kusto_spark.cleanup(spark, options)

    assert removed.dropped_tables == (crashed,)
    where = storage.split("?", 1)[0]  # the container as the connector names it: without its SAS
    assert removed.deleted_blobs == (f"{where}/{prefix}_1_1.parquet", f"{where}/{prefix}.owner.json")
    assert removed.failures == ()
    assert crashed not in tables(kusto) and live in tables(kusto)
    assert kusto_spark.cleanup(spark, {"kustoCluster": kusto_url, "kustoDatabase": DATABASE}).is_empty
    kusto.execute_mgmt(DATABASE, f".drop table {live}")


def test_cleanup_refuses_a_bad_option_naming_it(spark: SparkSession, kusto_url: str) -> None:
    with pytest.raises(KustoSparkOptionError) as refused:
        kusto_spark.cleanup(spark, {"kustoCluster": kusto_url, "kustoDatabse": DATABASE})
    assert "kustoDatabse" in str(refused.value) and "kustoDatabase" in str(refused.value)


def test_a_failed_and_a_succeeded_async_write_are_awaited(spark: SparkSession) -> None:
    # The first blob this server ingests fails: the first write fails, the second succeeds.
    with running_kusto_local("--with-azurite", "--fault-injection", "fail=1") as faulty:
        table = unique_table("Async")
        options = (KustoWriteOptions().kusto_cluster(faulty).kusto_database(DATABASE).kusto_table(table)
                   .table_create_options(TableCreationMode.CreateIfNotExist).write_enable_async(True))
        frame = spark.range(0, 30, 1, 1)

        kusto_spark.write(frame, options.request_id("py-async-failing"))
        failed = kusto_spark.await_async_write(spark, "py-async-failing", timeout=120)
        kusto_spark.write(frame, options.request_id("py-async-succeeding"))
        succeeded = kusto_spark.await_async_write(spark, "py-async-succeeding", dt.timedelta(minutes=2))

        assert (failed.state, failed.table, failed.rows) == ("FAILED", table, 0)
        assert failed.error is not None and "partition 0 blob 1: Failed" in failed.error, failed.error
        with pytest.raises(KustoSparkError) as raised:
            failed.or_raise()
        assert str(raised.value).startswith(f"Asynchronous write into table '{table}' (requestId py-async-failing)"
                                            f" failed: Transactional write into table '{table}' (option kustoTable) failed and the table is"
                                            " unchanged: queued ingestion failed for partition 0 blob 1")
        assert succeeded.or_raise().rows == 30
        written = KustoClient(KustoConnectionStringBuilder.with_no_authentication(faulty)).execute_query(
            DATABASE, f"{table} | count").primary_results[0][0][0]
        assert written == 30
        states = {o.request_id: o.state for o in kusto_spark.await_async_writes(spark, timeout=60)}
        assert states["py-async-failing"] == "FAILED" and states["py-async-succeeding"] == "SUCCEEDED"
    with pytest.raises(KustoSparkOptionError) as unknown:
        kusto_spark.await_async_write(spark, "no-such-write", timeout=1)
    assert unknown.value.option == "requestId"
    with pytest.raises(ValueError, match="timeout is 1.5"):
        kusto_spark.await_async_write(spark, "py-async-failing", timeout=1.5)
