"""Fixtures of the Spark tests: one kusto-local (with Azurite) per pytest session, the connector's
shaded jar, and helpers that start one SparkSession per test module."""

from __future__ import annotations

import contextlib
import glob
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Iterator

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[3]
PYTHON_DIR = PROJECT_ROOT / "python"
SHADED_JAR_GLOB = "packaging/shaded-spark-4.2/target/kusto-spark_4.2_2.13-*.jar"
DATABASE = "pytests"
READY_PREFIX = "kusto-local listening on "

sys.path.insert(0, str(PYTHON_DIR / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def connector_jar() -> str:
    """The shaded connector jar: KUSTO_SPARK_JAR, or the one the Maven reactor built."""
    named = os.environ.get("KUSTO_SPARK_JAR")
    if named:
        return named
    built = [j for j in glob.glob(str(PROJECT_ROOT / SHADED_JAR_GLOB)) if "/original-" not in j]
    if not built:
        raise RuntimeError("the shaded connector jar is not built: run 'mvn -B -o -pl packaging/shaded-spark-4.2 "
                           "-am package -DskipTests' or set KUSTO_SPARK_JAR")
    return built[0]


# The package finds the jar through KUSTO_SPARK_JAR when it is not installed from the wheel.
os.environ["KUSTO_SPARK_JAR"] = connector_jar()


@contextlib.contextmanager
def running_kusto_local(*extra_args: str) -> Iterator[str]:
    """Starts kusto-local from this checkout and yields its URL; stops it on exit."""
    command = [str(PROJECT_ROOT / "jvm-core/kusto-local/bin/kusto-local"), "--port", "0", "--in-memory",
               "--database", DATABASE, *extra_args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    seen: list[str] = []
    url = None
    # The server prints its URL once it accepts connections, so reading stops there (no sleeps).
    for line in process.stdout:
        seen.append(line)
        if line.startswith(READY_PREFIX):
            url = line[len(READY_PREFIX):].strip()
            break
    if url is None:
        process.wait(timeout=60)
        raise RuntimeError("kusto-local exited before listening:\n" + "".join(seen))
    # Keep draining the output so that the server never blocks on a full pipe.
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()  # type: ignore[union-attr]
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def kusto_url() -> Iterator[str]:
    """A kusto-local with Azurite for this session (or KUSTO_LOCAL_URL, if given)."""
    existing = os.environ.get("KUSTO_LOCAL_URL")
    if existing:
        yield existing
        return
    with running_kusto_local("--with-azurite") as url:
        yield url


@pytest.fixture(scope="session")
def database() -> str:
    return DATABASE


def unique_table(prefix: str) -> str:
    """A table name no other test uses, so tests never see each other's rows."""
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@contextlib.contextmanager
def classic_session(master: str = "local[2]", conf: dict[str, str] | None = None) -> Iterator["SparkSession"]:  # noqa: F821
    """A classic SparkSession with the connector jar added by kusto_spark.configure; stopped on exit."""
    from pyspark.sql import SparkSession

    import kusto_spark

    builder = (SparkSession.builder.master(master).appName("kusto_spark tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.shuffle.partitions", "2"))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = kusto_spark.configure(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()
