"""Typed, immutable options of a read (:class:`KustoReadOptions`) and a write (:class:`KustoWriteOptions`).

Each setter checks its value as the connector checks the option, and returns a new object; the
options go to Spark as a plain map, ``spark.read.format("kusto").options(**options.to_options())``:

>>> options = (KustoReadOptions()
...            .kusto_cluster("mycluster.westeurope")
...            .kusto_database("db")
...            .kusto_query("StormEvents | take 10")
...            .read_mode(ReadMode.ForceSingleMode))
>>> options.to_options()  # doctest: +NORMALIZE_WHITESPACE
{'kustoCluster': 'https://mycluster.westeurope.kusto.windows.net', 'kustoDatabase': 'db',
 'kustoQuery': 'StormEvents | take 10', 'readMode': 'ForceSingleMode'}
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, TypeVar

from . import _parsed_options
from . import _registry as registry
from ._ddl import struct_ddl
from ._option_values import canonical
from ._registry import OptionSpec, Side
from ._times import NANOS_PER_SECOND, format_timespan, timespan_nanos
from .client_request_properties import ClientRequestProperties
from .enums import ReadMode, SchemaAdjustmentMode, TableCreationMode, WriteMode, _KustoEnum
from .errors import KustoOptionError
from .ingestion_properties import SparkIngestionProperties

__all__ = ["KustoReadOptions", "KustoWriteOptions", "check_read_options", "check_write_options"]

_T = TypeVar("_T", bound="_KustoConnectionOptions")


class _KustoConnectionOptions:
    """The connection options shared by reads and writes. Immutable: each setter returns a new object.
    Values are checked as they are set, by the same rules that check the options of a read or
    write, so a value these setters accept is accepted there."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        """No options set; equivalent to ``create()``."""
        self._values: Mapping[OptionSpec, str] = {}

    @classmethod
    def create(cls: type[_T]) -> _T:
        """No options set."""
        return cls()

    def _with(self: _T, option: OptionSpec, value: str) -> _T:
        if value is None:
            raise TypeError(f"option {option.key} must not be None")
        copy = type(self)()
        copy._values = {**self._values, option: canonical(option, value)}
        return copy

    def to_options(self) -> dict[str, str]:
        """The options as ``DataFrameReader.options`` / ``DataFrameWriter.options`` take them, in the
        connector registry's order whatever order the setters ran in."""
        return {option.key: self._values[option] for option in registry.OPTIONS if option in self._values}

    def kusto_cluster(self: _T, cluster: str) -> _T:
        """The cluster URL, or a cluster name / ``name.region``."""
        return self._with(registry.KUSTO_CLUSTER, cluster)

    def kusto_database(self: _T, database: str) -> _T:
        """The database."""
        return self._with(registry.KUSTO_DATABASE, database)

    def kusto_aad_app_id(self: _T, application_id: str) -> _T:
        """Entra ID application authentication: the application (client) id."""
        return self._with(registry.KUSTO_AAD_APP_ID, application_id)

    def kusto_aad_app_secret(self: _T, secret: str) -> _T:
        """The client secret of the application (a secret: never printed)."""
        return self._with(registry.KUSTO_AAD_APP_SECRET, secret)

    def kusto_aad_authority_id(self: _T, tenant: str) -> _T:
        """Tenant (authority) id or domain of the application."""
        return self._with(registry.KUSTO_AAD_AUTHORITY_ID, tenant)

    def aad_app_certificate(self: _T, pfx_path: str, password: str | None = None) -> _T:
        """Entra ID application authentication with a PKCS#12 certificate (options ``kutoAadAppCert*``)."""
        with_path = self._with(registry.KUTO_AAD_APP_CERT_PATH, pfx_path)
        return with_path if password is None else with_path._with(registry.KUTO_AAD_APP_CERT_PASSWORD, password)

    def access_token(self: _T, token: str) -> _T:
        """An Entra ID access token for the cluster, used as is (a secret: never printed)."""
        return self._with(registry.ACCESS_TOKEN, token)

    def managed_identity_auth(self: _T, enabled: bool) -> _T:
        """Authenticate with the managed identity of the machine."""
        return self._with(registry.MANAGED_IDENTITY_AUTH, _bool_text(enabled, registry.MANAGED_IDENTITY_AUTH))

    def managed_identity_client_id(self: _T, client_id: str) -> _T:
        """Client id of a user-assigned managed identity."""
        return self._with(registry.MANAGED_IDENTITY_CLIENT_ID, client_id)

    def token_provider_callback_classpath(self: _T, class_name: str) -> _T:
        """A JVM class implementing ``dev.kustospark.spark.TokenProvider`` or ``Callable<String>``, by name."""
        return self._with(registry.TOKEN_PROVIDER_CALLBACK_CLASSPATH, class_name)

    def user_prompt(self: _T, enabled: bool) -> _T:
        """Interactive browser sign-in on the driver's machine (local use only)."""
        return self._with(registry.USER_PROMPT, _bool_text(enabled, registry.USER_PROMPT))

    def kusto_auth_method(self: _T, method: str) -> _T:
        """``default`` (DefaultAzureCredential), ``azureCli`` or ``none``."""
        return self._with(registry.KUSTO_AUTH_METHOD, method)

    def kusto_ingestion_uri(self: _T, url: str) -> _T:
        """URL of the cluster's data-management (ingestion) endpoint."""
        return self._with(registry.KUSTO_INGESTION_URI, url)

    def timeout_limit(self: _T, timeout: timedelta | str) -> _T:
        """How long a whole operation may take, in whole seconds (a ``timedelta`` or timespan text)."""
        return self._with(registry.TIMEOUT_LIMIT, _whole_seconds(timeout, registry.TIMEOUT_LIMIT))

    def client_request_properties(self: _T, properties: ClientRequestProperties) -> _T:
        """Client request properties for every request (option ``clientRequestPropertiesJson``)."""
        if not isinstance(properties, ClientRequestProperties):
            raise TypeError(f"properties must be a ClientRequestProperties, not {type(properties).__name__}")
        return self._with(registry.CLIENT_REQUEST_PROPERTIES_JSON, properties.to_json())

    def request_id(self: _T, request_id: str) -> _T:
        """Correlation id of the operation."""
        return self._with(registry.REQUEST_ID, request_id)

    def linked_service(self: _T, profile: str) -> _T:
        """A connection profile of the Spark conf (option ``spark.synapse.linkedService``)."""
        return self._with(registry.LINKED_SERVICE, profile)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _KustoConnectionOptions)
            and type(other) is type(self)
            and dict(self._values) == dict(other._values)
        )

    def __hash__(self) -> int:
        return hash(tuple(sorted((o.key, v) for o, v in self._values.items())))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{key}={'<hidden>' if _is_secret(key) else value}" for key, value in self.to_options().items()
        )
        return f"{type(self).__name__}{{{shown}}}"


class KustoReadOptions(_KustoConnectionOptions):
    """Typed options of a read: ``spark.read.format("kusto").options(**opts.to_options()).load()``.
    Immutable; start from ``KustoReadOptions()``."""

    __slots__ = ()

    def kusto_query(self, query: str) -> KustoReadOptions:
        """The KQL query (or a table name)."""
        return self._with(registry.KUSTO_QUERY, query)

    def read_mode(self, mode: ReadMode | str) -> KustoReadOptions:
        """How the read runs; a :class:`ReadMode` or its name in any case."""
        return self._with(registry.READ_MODE, _enum_text(mode, ReadMode, registry.READ_MODE))

    def custom_schema(self, schema: Any) -> KustoReadOptions:
        """The schema as Spark DDL (``a INT, b STRING``) or a PySpark ``StructType``, written as the
        JVM's ``StructType.toDDL()`` writes it."""
        return self._with(registry.CUSTOM_SCHEMA, schema if isinstance(schema, str) else _to_ddl(schema))

    def query_filter_push_down(self, enabled: bool) -> KustoReadOptions:
        """Translate Spark filters to the query's ``where``."""
        return self._with(registry.QUERY_FILTER_PUSH_DOWN, _bool_text(enabled, registry.QUERY_FILTER_PUSH_DOWN))

    def num_partitions(self, partitions: int) -> KustoReadOptions:
        """Partitions of ``ForcePartitionedMode``."""
        return self._with(registry.NUM_PARTITIONS, _int_text(partitions, registry.NUM_PARTITIONS))

    def partition_column(self, column: str) -> KustoReadOptions:
        """The column hashed to split ``ForcePartitionedMode`` reads."""
        return self._with(registry.PARTITION_COLUMN, column)

    def transient_storage(self, json_text: str) -> KustoReadOptions:
        """The transient storage JSON of ``ForceDistributedMode`` (a secret: never printed)."""
        return self._with(registry.TRANSIENT_STORAGE, json_text)

    def kusto_export_options_json(self, json_text: str) -> KustoReadOptions:
        """Properties of the ``.export`` command of distributed reads, as a JSON object."""
        return self._with(registry.KUSTO_EXPORT_OPTIONS_JSON, json_text)

    def distributed_read_mode_transient_cache(self, enabled: bool) -> KustoReadOptions:
        """Reuse an export of the same query for the rest of the Spark application."""
        option = registry.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE
        return self._with(option, _bool_text(enabled, option))

    def storage_protocol(self, protocol: str) -> KustoReadOptions:
        """``wasbs``, ``abfs`` or ``abfss``."""
        return self._with(registry.STORAGE_PROTOCOL, protocol)

    def dbg_blob_compress_on_export(self, enabled: bool) -> KustoReadOptions:
        """``False`` exports uncompressed Parquet for distributed reads."""
        option = registry.DBG_BLOB_COMPRESS_ON_EXPORT
        return self._with(option, _bool_text(enabled, option))


class KustoWriteOptions(_KustoConnectionOptions):
    """Typed options of a write: ``df.write.format("kusto").options(**opts.to_options()).mode("append").save()``.
    Immutable; start from ``KustoWriteOptions()``."""

    __slots__ = ()

    def kusto_table(self, table: str) -> KustoWriteOptions:
        """The target table."""
        return self._with(registry.KUSTO_TABLE, table)

    def write_mode(self, mode: WriteMode | str) -> KustoWriteOptions:
        """How the write ingests; a :class:`WriteMode` or its name in any case."""
        return self._with(registry.WRITE_MODE, _enum_text(mode, WriteMode, registry.WRITE_MODE))

    def table_create_options(self, mode: TableCreationMode | str) -> KustoWriteOptions:
        """Option ``tableCreateOptions``: what to do when the table does not exist."""
        option = registry.TABLE_CREATE_OPTIONS
        return self._with(option, _enum_text(mode, TableCreationMode, option))

    def adjust_schema(self, mode: SchemaAdjustmentMode | str) -> KustoWriteOptions:
        """Option ``adjustSchema``: how the DataFrame's columns meet an existing table's."""
        return self._with(registry.ADJUST_SCHEMA, _enum_text(mode, SchemaAdjustmentMode, registry.ADJUST_SCHEMA))

    def spark_ingestion_properties(self, properties: SparkIngestionProperties) -> KustoWriteOptions:
        """Option ``sparkIngestionPropertiesJson``."""
        if not isinstance(properties, SparkIngestionProperties):
            raise TypeError(f"properties must be a SparkIngestionProperties, not {type(properties).__name__}")
        return self._with(registry.SPARK_INGESTION_PROPERTIES_JSON, properties.to_json())

    def client_batching_limit(self, megabytes: int) -> KustoWriteOptions:
        """Megabytes per blob (option ``clientBatchingLimit``)."""
        return self._with(registry.CLIENT_BATCHING_LIMIT, _int_text(megabytes, registry.CLIENT_BATCHING_LIMIT))

    def polling_on_driver(self, enabled: bool) -> KustoWriteOptions:
        """Wait for ingestion results on the driver instead of in the tasks."""
        return self._with(registry.POLLING_ON_DRIVER, _bool_text(enabled, registry.POLLING_ON_DRIVER))

    def write_enable_async(self, enabled: bool) -> KustoWriteOptions:
        """Return before ingestion completes; await the outcome with :func:`kusto_spark.await_async_write`."""
        return self._with(registry.WRITE_ENABLE_ASYNC, _bool_text(enabled, registry.WRITE_ENABLE_ASYNC))

    def write_result_limit(self, failures: int) -> KustoWriteOptions:
        """How many ingestion failures the error reports."""
        return self._with(registry.WRITE_RESULT_LIMIT, _int_text(failures, registry.WRITE_RESULT_LIMIT))

    def no_write_result_limit(self) -> KustoWriteOptions:
        """Report all ingestion failures (``writeResultLimit=none``)."""
        return self._with(registry.WRITE_RESULT_LIMIT, "none")

    def temp_table_name(self, table: str) -> KustoWriteOptions:
        """An existing table to stage a ``Transactional`` write in."""
        return self._with(registry.TEMP_TABLE_NAME, table)

    def streaming_ingest_size_in_mb(self, megabytes: int) -> KustoWriteOptions:
        """Megabytes per streaming ingestion request (option ``streamingIngestSizeInMB``)."""
        option = registry.STREAMING_INGEST_SIZE_IN_MB
        return self._with(option, _int_text(megabytes, option))

    def staging_resources_auto_cleanup_timeout(self, timeout: timedelta | str) -> KustoWriteOptions:
        """After how long staging tables of a failed write are dropped; whole seconds."""
        option = registry.STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT
        return self._with(option, _whole_seconds(timeout, option))

    def kusto_ingestion_storage_container(self, json_text: str) -> KustoWriteOptions:
        """The JSON array of storage containers for queued ingestion (a secret: never printed)."""
        return self._with(registry.KUSTO_INGESTION_STORAGE_CONTAINER, json_text)

    def disable_flush_immediately(self, disabled: bool) -> KustoWriteOptions:
        """``True`` leaves blobs sealed at ``clientBatchingLimit`` to the table's batching policy."""
        option = registry.DISABLE_FLUSH_IMMEDIATELY
        return self._with(option, _bool_text(disabled, option))


def check_read_options(options: Mapping[str, object]) -> dict[str, str]:
    """Checks the options of a read as the connector will, before Spark is touched.

    Keys match ignoring case; values may be ``str`` or what ``DataFrameReader.option`` takes
    (``bool`` becomes ``true``/``false``, numbers their text). Spark's own keys (``path``) are left out.

    :returns: the connector's options by canonical key, in registry order, values in canonical form.
    :raises KustoOptionError: naming an unknown key and the closest valid one, an option of writes,
        or the option, the value and what is allowed.

    >>> check_read_options({"KUSTOCLUSTER": "mycluster", "readmode": "forcesinglemode", "numPartitions": 4})
    {'kustoCluster': 'https://mycluster.kusto.windows.net', 'readMode': 'ForceSingleMode', 'numPartitions': '4'}
    >>> check_read_options({"kustoQuerry": "T"})
    Traceback (most recent call last):
    ...
    kusto_spark.errors.KustoOptionError: Unknown option 'kustoQuerry' for a Kusto read. Did you mean kustoQuery?
    """
    return _parsed_options.check(options, Side.READ)


def check_write_options(options: Mapping[str, object]) -> dict[str, str]:
    """Checks the options of a write as the connector will, before Spark is touched; see
    :func:`check_read_options`."""
    return _parsed_options.check(options, Side.WRITE)


def _is_secret(key: str) -> bool:
    option = registry.for_key(key)
    return option is not None and option.secret


def _bool_text(value: bool, option: OptionSpec) -> str:
    if not isinstance(value, bool):
        raise TypeError(f"option {option.key} takes a bool, not {type(value).__name__}")
    return "true" if value else "false"


def _int_text(value: int, option: OptionSpec) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"option {option.key} takes an int, not {type(value).__name__}")
    return str(value)


def _enum_text(value: _KustoEnum | str, enum: type[_KustoEnum], option: OptionSpec) -> str:
    if isinstance(value, _KustoEnum) and not isinstance(value, enum):
        raise TypeError(f"option {option.key} takes a {enum.__name__}, not a {type(value).__name__}")
    if not isinstance(value, str):
        raise TypeError(f"option {option.key} takes a {enum.__name__} or str, not {type(value).__name__}")
    return str(value.value if isinstance(value, _KustoEnum) else value)


def _whole_seconds(value: timedelta | str, option: OptionSpec) -> str:
    # Messages show the timespan in Kusto's form, as every binding takes it.
    nanos = timespan_nanos(value, option.key)
    text = format_timespan(nanos, option.key)
    if nanos <= 0:
        raise KustoOptionError(
            f"Option {option.key} has value {text}: expected a positive timespan of whole seconds.", option.key
        )
    seconds, fraction = divmod(nanos, NANOS_PER_SECOND)
    if fraction:
        raise KustoOptionError(
            f"Option {option.key} is in whole seconds; {text} has a fraction of a second.", option.key
        )
    return str(seconds)


def _to_ddl(schema: Any) -> str:
    if not hasattr(schema, "fields"):
        raise TypeError(f"customSchema takes Spark DDL text or a StructType, not {type(schema).__name__}")
    return struct_ddl(schema)
