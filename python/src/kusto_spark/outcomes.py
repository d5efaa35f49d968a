"""What the connector reports back: the clean-up of crash leftovers and asynchronous writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from kusto_spark._errors import KustoSparkError

__all__ = ["AsyncWriteOutcome", "CleanupResult"]

_CONNECTOR_EXCEPTION = "dev.kustospark.spark.KustoConnectorException"


@dataclass(frozen=True)
class CleanupResult:
    """What :func:`kusto_spark.cleanup` removed, as the JVM's ``KustoCleanupResult`` reports it.

    :ivar dropped_tables: the temporary tables dropped, by name.
    :ivar deleted_blobs: the exported files deleted, as ``<container URL>/<blob name>`` (no SAS).
    :ivar failures: one line for each leftover found but not removed, with the reason.

    >>> CleanupResult(("sparkTempTable_app_T_1",), (), ()).is_empty
    False
    """

    dropped_tables: tuple[str, ...]
    deleted_blobs: tuple[str, ...]
    failures: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """Whether nothing was found to remove."""
        return not (self.dropped_tables or self.deleted_blobs or self.failures)


@dataclass(frozen=True)
class AsyncWriteOutcome:
    """What became of a write with ``writeEnableAsync=true``, as the JVM's ``KustoAsyncWrites`` reports it.

    :ivar request_id: the write's ``requestId``.
    :ivar state: ``"RUNNING"`` (the wait ended first), ``"SUCCEEDED"`` or ``"FAILED"``.
    :ivar rows: the rows written, when it succeeded.
    :ivar error: the connector's message, when it failed.

    >>> failed = AsyncWriteOutcome("nightly", "db", "Events", "FAILED", 0, "Queued ingestion ... failed: ...")
    >>> failed.done
    True
    >>> failed.or_raise()
    Traceback (most recent call last):
    ...
    kusto_spark._errors.KustoSparkError: Asynchronous write into table 'Events' (requestId nightly) failed: Queued ...
    """

    request_id: str
    database: str
    table: str
    state: str
    rows: int
    error: Optional[str]

    @property
    def done(self) -> bool:
        """Whether the write has ended, in success or failure."""
        return self.state != "RUNNING"

    def or_raise(self) -> AsyncWriteOutcome:
        """This outcome when the write succeeded.

        :raises KustoSparkError: with the write's error when it failed.
        :raises RuntimeError: when it is still running.
        """
        what = f"Asynchronous write into table '{self.table}' (requestId {self.request_id})"
        if self.state == "FAILED":
            raise KustoSparkError(f"{what} failed: {self.error}", _CONNECTOR_EXCEPTION)
        if self.state == "RUNNING":
            raise RuntimeError(f"{what} is still running; wait longer with kusto_spark.await_async_write")
        return self
