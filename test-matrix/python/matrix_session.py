"""The Python column's environment, Spark session and checks, shared by the scenarios."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pyspark.sql import DataFrame, SparkSession

import kusto_spark
from kusto_spark import KustoReadOptions

DATABASE = "matrix"
LINKED_SERVICE = "matrix"


class ScenarioFailure(Exception):
    """A scenario's outcome differs from what its description expects."""


def check(condition: bool, detail: str) -> None:
    if not condition:
        raise ScenarioFailure(detail)


@dataclass(frozen=True)
class MatrixEnv:
    """The KUSTO_MATRIX_* variables that test-matrix/run.sh sets."""

    url: str
    auth_url: str
    token: str
    faulty_url: str
    lang: str
    out: Path
    checksum_sql: str

    @staticmethod
    def from_environment(checksum_sql: str) -> MatrixEnv:
        names = ["KUSTO_MATRIX_URL", "KUSTO_MATRIX_AUTH_URL", "KUSTO_MATRIX_TOKEN", "KUSTO_MATRIX_FAULTY_URL",
                 "KUSTO_MATRIX_LANG", "KUSTO_MATRIX_OUT"]
        missing = [name for name in names if not os.environ.get(name)]
        if missing:
            raise SystemExit(f"matrix.py: set {', '.join(missing)} (test-matrix/run.sh sets them)")
        e = os.environ
        return MatrixEnv(e["KUSTO_MATRIX_URL"], e["KUSTO_MATRIX_AUTH_URL"], e["KUSTO_MATRIX_TOKEN"],
                         e["KUSTO_MATRIX_FAULTY_URL"], e["KUSTO_MATRIX_LANG"], Path(e["KUSTO_MATRIX_OUT"]),
                         checksum_sql)

    def table(self, name: str) -> str:
        """A table name of this language's own: ``<Name>_<lang>``."""
        return f"{name}_{self.lang}"


class MatrixSession:
    """The one Spark session of the Python column, with the helpers every scenario uses."""

    def __init__(self, env: MatrixEnv) -> None:
        self.env = env
        profile = f"spark.kusto.linkedService.{LINKED_SERVICE}"
        builder = (SparkSession.builder.master("local[2]").appName(f"kusto-spark-matrix-{env.lang}")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "2")
                   .config("spark.sql.session.timeZone", "UTC")
                   .config(f"{profile}.cluster", env.url)
                   .config(f"{profile}.database", DATABASE))
        self.spark = kusto_spark.configure(builder).getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")

    def read_options(self, query: str, cluster: str | None = None) -> KustoReadOptions:
        """Typed read options for the main server's database (or another cluster's)."""
        return KustoReadOptions().kusto_cluster(cluster or self.env.url).kusto_database(DATABASE).kusto_query(query)

    def read(self, options: KustoReadOptions | dict[str, str]) -> DataFrame:
        return kusto_spark.read(self.spark, options)

    def checksum(self, result: DataFrame) -> str:
        """checksum.sql over result, registered as matrix_result: Spark computes it the same in every language."""
        result.createOrReplaceTempView("matrix_result")
        return str(self.spark.sql(self.env.checksum_sql).first()[0])

    @staticmethod
    def error_checksum(name: str) -> str:
        """The checksum of a scenario whose outcome is an error: SHA-256 of ``error:<name>``."""
        return hashlib.sha256(f"error:{name}".encode()).hexdigest()

    @staticmethod
    def failure_messages(what: str, action: Callable[[], Any]) -> str:
        """The messages of action's exception and its causes, or a ScenarioFailure if it did not raise."""
        try:
            result = action()
        except Exception as failure:  # noqa: BLE001 - every failure's message is examined
            messages = []
            current: BaseException | None = failure
            while current is not None:
                messages.append(f"{type(current).__name__}: {current}")
                current = current.__cause__
            return "\n".join(messages)
        raise ScenarioFailure(f"{what} should have failed but returned {result!r}")

    def close(self) -> None:
        self.spark.stop()
