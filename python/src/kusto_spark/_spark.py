"""Reading and writing through the connector with public PySpark API only.

Nothing here reaches the JVM through ``_jvm``: the options travel as strings through
``DataFrameReader`` / ``DataFrameWriter``, so the same calls work on classic PySpark and on a
Spark Connect session.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Iterable, Mapping, Union

from kusto_spark._errors import kusto_errors
from kusto_spark._jar import jar_path
from kusto_spark.options import KustoReadOptions, KustoWriteOptions
from kusto_spark.outcomes import AsyncWriteOutcome, CleanupResult

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: The connector's short format name; ``com.microsoft.kusto.spark.datasource`` and
#: ``com.microsoft.kusto.spark.synapse.datasource`` name the same source.
FORMAT = "kusto"
# Data sources whose rows the driver computes when the query is planned: the way into the driver's
# KustoCleanup and KustoAsyncWrites that works on Spark Connect too.
_CLEANUP_FORMAT = "kusto-cleanup"
_ASYNC_WRITES_FORMAT = "kusto-async-writes"

ReadOptions = Union[KustoReadOptions, Mapping[str, str]]
WriteOptions = Union[KustoWriteOptions, Mapping[str, str]]

# The connector's table only appends: Overwrite would need a truncate that cannot be made atomic
# with the new rows, so Spark is never asked for another save mode.
_SAVE_MODES = ("append",)


def read(spark: SparkSession, options: ReadOptions) -> DataFrame:
    """Reads a Kusto query into a DataFrame.

    :param spark: a classic or Spark Connect session whose JVM has the connector jar
        (see :func:`configure`).
    :param options: typed :class:`KustoReadOptions`, or an option map such as
        ``{"kustoCluster": ..., "kustoDatabase": ..., "kustoQuery": ...}``.
    :return: the DataFrame; its schema is read from Kusto now, its rows when an action runs.
    :raises KustoOptionError: an option the connector refuses (name, value and allowed values).
    :raises KustoSparkError: Kusto refused the query (Kusto's message first).

    >>> from kusto_spark import KustoReadOptions, ReadMode, read
    >>> df = read(spark, KustoReadOptions()
    ...           .kusto_cluster("https://mycluster.westeurope.kusto.windows.net")
    ...           .kusto_database("Samples")
    ...           .kusto_query("StormEvents | take 100")
    ...           .read_mode(ReadMode.ForceSingleMode))  # doctest: +SKIP
    """
    values = _option_map(options, KustoReadOptions, "options")
    with kusto_errors():
        frame = spark.read.format(FORMAT).options(**values).load()
        # Spark Connect analyses a plan lazily; asking for the schema makes a refused query or
        # option fail here, as it does on classic Spark.
        frame.schema
        return frame


def write(df: DataFrame, options: WriteOptions, mode: str = "append") -> None:
    """Appends a DataFrame to a Kusto table and returns once the write has committed.

    :param df: the rows to write.
    :param options: typed :class:`KustoWriteOptions`, or an option map with ``kustoCluster``,
        ``kustoDatabase`` and ``kustoTable``.
    :param mode: the save mode; only ``"append"`` (the connector never truncates a table).
    :raises ValueError: ``mode`` is not ``"append"`` (raised before Spark is called).
    :raises KustoOptionError: an option the connector refuses.
    :raises KustoSparkError: the write failed in Kusto (Kusto's message first).

    >>> from kusto_spark import KustoWriteOptions, TableCreationMode, WriteMode, write
    >>> write(df, KustoWriteOptions()
    ...       .kusto_cluster("https://mycluster.westeurope.kusto.windows.net")
    ...       .kusto_database("Samples")
    ...       .kusto_table("Events")
    ...       .write_mode(WriteMode.Queued)
    ...       .table_create_options(TableCreationMode.CreateIfNotExist))  # doctest: +SKIP
    """
    values = _option_map(options, KustoWriteOptions, "options")
    if not isinstance(mode, str) or mode.lower() not in _SAVE_MODES:
        raise ValueError(f"mode has value {mode!r}: allowed values: {', '.join(_SAVE_MODES)} "
                         f"(the Kusto connector only appends to a table)")
    with kusto_errors():
        df.write.format(FORMAT).options(**values).mode(mode.lower()).save()


def cleanup(spark: SparkSession, options: Union[ReadOptions, WriteOptions]) -> CleanupResult:
    """Removes what writes and reads that died left behind in a database, as every write does first.

    Only the connector's own leftovers go: temporary tables ``sparkTempTable_...`` whose docstring
    holds the connector's in-use mark, and exports ``kusto-spark/<uuid>...`` next to their owner
    blob, in either case not renewed for ``timeoutLimit`` (at least 10 minutes) by the process that
    made them, so a running write's or read's resources stay. Exports are looked for in the
    containers of ``transientStorage`` when the options have it, else in the cluster's temporary
    storage. Runs in the Spark driver, on classic PySpark and on Spark Connect alike.

    :param spark: a classic or Spark Connect session whose driver has the connector jar.
    :param options: the read or write options (typed or a map) with the connection; options that
        only reads or writes use are ignored.
    :return: what was removed, and what was found but could not be removed.
    :raises KustoOptionError: an option the connector refuses.
    :raises KustoSparkError: the tables or a container could not be listed.

    >>> import kusto_spark
    >>> removed = kusto_spark.cleanup(spark, {"kustoCluster": "https://mycluster.westeurope.kusto.windows.net",
    ...                                       "kustoDatabase": "Samples"})  # doctest: +SKIP
    >>> removed.dropped_tables  # doctest: +SKIP
    ('sparkTempTable_nightly_Events_2f1c...',)
    """
    if isinstance(options, KustoWriteOptions):
        values = dict(options.to_options())
    else:
        values = _option_map(options, KustoReadOptions, "options")
    with kusto_errors():
        rows = spark.read.format(_CLEANUP_FORMAT).options(**values).load().collect()
    def named(kind: str) -> tuple[str, ...]:
        return tuple(row["name"] for row in rows if row["kind"] == kind)
    return CleanupResult(named("table"), named("blob"), named("failure"))


def await_async_write(spark: SparkSession, request_id: str,
                      timeout: Union[int, timedelta, None] = None) -> AsyncWriteOutcome:
    """Waits for the write with ``writeEnableAsync=true`` and this ``requestId`` to end.

    Such a write returns from :func:`write` once its tasks have queued the data; the Spark driver
    then finishes it in the background. Set ``requestId`` on the write to know it by.

    :param spark: the session that ran the write (classic or Spark Connect).
    :param request_id: the write's ``requestId`` option.
    :param timeout: the longest wait, in whole seconds or as a ``timedelta``; by default
        ``timeoutLimit``'s default (two days).
    :return: the outcome; its state is ``"RUNNING"`` when the timeout passed first. Call
        :meth:`AsyncWriteOutcome.or_raise` to raise the write's error.
    :raises KustoOptionError: the driver started no asynchronous write with this ``requestId``.

    >>> import kusto_spark
    >>> kusto_spark.write(df, options.write_enable_async(True).request_id("nightly-0601"))  # doctest: +SKIP
    >>> kusto_spark.await_async_write(spark, "nightly-0601").or_raise().rows  # doctest: +SKIP
    5000
    """
    if not isinstance(request_id, str) or not request_id:
        raise TypeError(f"request_id is {request_id!r}: expected the write's requestId, a non-empty string")
    return _async_writes(spark, {"requestId": request_id}, timeout)[0]


def await_async_writes(spark: SparkSession, timeout: Union[int, timedelta, None] = None) -> list[AsyncWriteOutcome]:
    """Waits for every write with ``writeEnableAsync=true`` that the Spark driver has started to end.

    :param spark: the session that ran the writes (classic or Spark Connect).
    :param timeout: the longest wait for them all, as for :func:`await_async_write`.
    :return: their outcomes, oldest first (the driver keeps the last 1000).

    >>> import kusto_spark
    >>> failed = [o for o in kusto_spark.await_async_writes(spark) if o.state == "FAILED"]  # doctest: +SKIP
    """
    return _async_writes(spark, {}, timeout)


def _async_writes(spark: SparkSession, values: dict[str, str],
                  timeout: Union[int, timedelta, None]) -> list[AsyncWriteOutcome]:
    if timeout is not None:
        values["timeoutLimit"] = str(_whole_seconds(timeout, "timeout"))
    with kusto_errors():
        rows = spark.read.format(_ASYNC_WRITES_FORMAT).options(**values).load().collect()
    return [AsyncWriteOutcome(row["requestId"], row["database"], row["table"], row["state"], row["rows"],
                              row["error"]) for row in rows]


def _whole_seconds(value: object, argument: str) -> int:
    seconds = value.total_seconds() if isinstance(value, timedelta) else value
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds <= 0 or seconds != int(seconds):
        raise ValueError(f"{argument} is {value!r}: expected a whole number of seconds > 0, or a timedelta of one")
    return int(seconds)


def configure(builder: SparkSession.Builder, jars: Iterable[str] = ()) -> SparkSession.Builder:
    """Adds the connector jar to a session builder, so ``getOrCreate()`` starts Spark with it.

    On classic PySpark this sets ``spark.jars`` to the connector jar (:func:`jar_path`) followed by
    ``jars``: pass any other jars here rather than in ``spark.jars``, which this call replaces.
    The setting only takes effect when the builder starts a new Spark application.

    A Spark Connect client cannot add jars to a running server: start the server with the jar
    instead, e.g. ``start-connect-server.sh --jars "$(python -m kusto_spark --jar)"``, and build the
    client session without this call (the server refuses ``spark.jars`` from a client, which
    PySpark reports as a warning). A builder of ``pyspark.sql.connect`` is returned unchanged.

    :param builder: ``SparkSession.builder``, possibly already configured.
    :param jars: more jar paths or URLs for ``spark.jars``.
    :return: the same builder, for chaining.
    :raises FileNotFoundError: no connector jar is bundled and ``KUSTO_SPARK_JAR`` is not set.

    >>> from pyspark.sql import SparkSession
    >>> import kusto_spark
    >>> spark = kusto_spark.configure(SparkSession.builder.master("local[*]")).getOrCreate()  # doctest: +SKIP
    """
    if _is_connect_builder(builder):
        return builder
    extra = [jars] if isinstance(jars, str) else list(jars)
    for jar in extra:
        if not isinstance(jar, str) or not jar or "," in jar:
            raise ValueError(f"jars has the entry {jar!r}: expected a non-empty path or URL of one jar")
    return builder.config("spark.jars", ",".join([jar_path(), *extra]))


def _is_connect_builder(builder: object) -> bool:
    try:
        from pyspark.sql.connect.session import SparkSession as ConnectSession
    except ImportError:  # PySpark without the connect extra's dependencies
        return False
    return isinstance(builder, ConnectSession.Builder)


def _option_map(options: object, typed: type, argument: str) -> dict[str, str]:
    """The option map of typed options, or a copy of a map after checking it holds strings."""
    if isinstance(options, typed):
        return dict(options.to_options())  # type: ignore[attr-defined]
    if isinstance(options, Mapping):
        values: dict[str, str] = {}
        for key, value in options.items():
            if not isinstance(key, str) or not key:
                raise TypeError(f"{argument} has the key {key!r}: option names are non-empty strings")
            if not isinstance(value, str):
                # The value is not shown: it may be a secret (accessToken, kustoAadAppSecret...).
                raise TypeError(f"{argument} has {key} of type {type(value).__name__}: option values are "
                                f"strings; use {typed.__name__} for typed values")
            values[key] = value
        return values
    raise TypeError(f"{argument} is a {type(options).__name__}: expected {typed.__name__} "
                    f"or a mapping of option names to strings")
