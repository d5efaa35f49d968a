"""Reads and writes on a local-cluster master: two executor processes, so partitions are read and
written in JVMs other than the driver's, with the jar shipped by spark.jars."""

from __future__ import annotations

import os
import time
from typing import Iterator

import pytest
from _support import DATABASE, await_rows, classic_session, unique_table
from pyspark.sql import SparkSession

import kusto_spark
from kusto_spark import KustoReadOptions, KustoWriteOptions, ReadMode, TableCreationMode, WriteMode

EXECUTORS = 2


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    with classic_session(f"local-cluster[{EXECUTORS},1,1024]", conf={"spark.locality.wait": "0"}) as session:
        _await_executors(session, EXECUTORS)
        yield session


def _await_executors(spark: SparkSession, count: int, timeout_seconds: float = 120) -> None:
    """Waits until the executors registered, so tasks are spread over both from the first job."""
    deadline = time.monotonic() + timeout_seconds
    # The driver counts itself among the block managers.
    while spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() < count + 1:  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            raise TimeoutError(f"{count} executors did not register within {timeout_seconds} s")
        time.sleep(0.1)


def _executor_processes(frame) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Rows per executor process; a Python worker's parent is its executor's worker daemon."""
    counts = frame.rdd.mapPartitions(lambda rows: [(os.getppid(), sum(1 for _ in rows))]).collect()
    per_process: dict[int, int] = {}
    for process, rows in counts:
        per_process[process] = per_process.get(process, 0) + rows
    return per_process


@pytest.fixture(scope="module")
def written(spark: SparkSession, kusto_url: str) -> str:
    """A table written by 8 tasks spread over both executors."""
    table = unique_table("Cluster")
    frame = spark.sql("SELECT id AS k, concat('p', CAST(id AS STRING)) AS v FROM range(0, 400, 1, 8)")
    assert len(_executor_processes(frame)) == EXECUTORS
    kusto_spark.write(frame, _options(KustoWriteOptions(), kusto_url).kusto_table(table)
                      .write_mode(WriteMode.Queued).table_create_options(TableCreationMode.CreateIfNotExist))
    # Queued returns before the service has ingested: the readers below need every row.
    ingested = await_rows(lambda: kusto_spark.read(spark, _options(KustoReadOptions(), kusto_url)
                                                   .kusto_query(table)).collect(), 400)
    assert len(ingested) == 400
    return table


def _options(options, kusto_url: str):  # type: ignore[no-untyped-def]
    return options.kusto_cluster(kusto_url).kusto_database(DATABASE)


def test_partitioned_read_spreads_over_both_executors(spark: SparkSession, kusto_url: str, written: str) -> None:
    back = kusto_spark.read(spark, _options(KustoReadOptions(), kusto_url).kusto_query(written)
                            .read_mode(ReadMode.ForcePartitionedMode).partition_column("k").num_partitions(8))

    assert sorted(r.k for r in back.collect()) == list(range(400))
    per_process = _executor_processes(back)
    assert sum(per_process.values()) == 400
    assert len(per_process) == EXECUTORS, f"rows per executor process: {per_process}"


def test_distributed_read_in_executors(spark: SparkSession, kusto_url: str, written: str) -> None:
    back = kusto_spark.read(spark, _options(KustoReadOptions(), kusto_url).kusto_query(f"{written} | where k < 100")
                            .read_mode(ReadMode.ForceDistributedMode))

    rows = back.collect()
    assert sorted(r.k for r in rows) == list(range(100))
    assert all(r.v == f"p{r.k}" for r in rows)
