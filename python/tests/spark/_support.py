"""Helpers of the Spark tests: the connector's shaded jar, kusto-local servers, and SparkSessions."""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import sys
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence, TypeVar

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PROJECT_ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(PROJECT_ROOT / "scripts" / "python"))
from server_process import running_process  # noqa: E402  (the project's shared test helper)

PYTHON_DIR = PROJECT_ROOT / "python"
SHADED_JAR_GLOB = "packaging/shaded-spark-4.2/target/kusto-spark_4.2_2.13-*.jar"
DATABASE = "pytests"
READY_PREFIX = "kusto-local listening on "


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


def spark_home() -> str:
    """The Spark distribution inside the pyspark package (bin/spark-submit, jars/, sbin/)."""
    import pyspark

    return str(Path(pyspark.__file__).resolve().parent)


def running_kusto_local(*extra_args: str) -> contextlib.AbstractContextManager[str]:
    """Starts kusto-local from this checkout and yields its URL."""
    command = [str(PROJECT_ROOT / "jvm-core/kusto-local/bin/kusto-local"), "--port", "0", "--in-memory",
               "--database", DATABASE, *extra_args]
    return running_process(command, READY_PREFIX)


T = TypeVar("T")


def await_rows(read: Callable[[], Sequence[T]], expected: int, timeout_seconds: float = 120) -> Sequence[T]:
    """Reads until `expected` rows are there: a Queued write returns before the service ingests."""
    deadline = time.monotonic() + timeout_seconds
    rows = read()
    while len(rows) < expected and time.monotonic() < deadline:
        time.sleep(0.2)
        rows = read()
    return rows


def unique_table(prefix: str) -> str:
    """A table name no other test uses, so tests never see each other's rows."""
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@contextlib.contextmanager
def classic_session(master: str = "local[2]", conf: dict[str, str] | None = None) -> Iterator[SparkSession]:
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


def owner_mark(kind: str, target: str, in_use_until: dt.datetime) -> str:
    """The connector's in-use mark (a temporary table's docstring, an export's owner blob), as a
    process that made the resource and died at ``in_use_until`` minus ten minutes left it."""
    import json

    created = in_use_until - dt.timedelta(days=1)
    return json.dumps({"createdBy": "kusto-spark", "kind": kind, "target": target, "requestId": "crashed",
                       "createdOn": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                       "inUseUntil": in_use_until.strftime("%Y-%m-%dT%H:%M:%SZ")}, separators=(",", ":"))


def leftover_table(kusto: Any, target: str, in_use_until: dt.datetime) -> str:
    """A temporary table as a write that died leaves it: the connector's name and mark, a row in it."""
    name = f"sparkTempTable_crashedApp_{target}_{uuid.uuid4().hex}"
    docstring = owner_mark("staging", target, in_use_until).replace("\\", "\\\\").replace('"', '\\"')
    kusto.execute_mgmt(DATABASE, f'.create table {name} (id:long) with (docstring="{docstring}")')
    kusto.execute_mgmt(DATABASE, f".ingest inline into table {name} <| 1")
    return name
