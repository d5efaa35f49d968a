"""Typed, immutable options of a read (:class:`KustoReadOptions`) and a write (:class:`KustoWriteOptions`).

Each setter checks its value as the connector checks the option, and returns a new object; the
options go to Spark as a plain map, ``spark.read.format("kusto").options(**options.to_options())``.
The setters are generated from ``options/kusto-options.json`` (``_registry.py``); this module adds
the conversions of Python values and the setters that differ by language:

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
from ._registry import Kind, OptionSpec, ReadMode, Side, _ConnectionSetters, _ReadSetters, _WriteSetters
from ._spec import KustoEnum
from ._times import NANOS_PER_SECOND, format_timespan, timespan_nanos
from .client_request_properties import ClientRequestProperties
from .errors import KustoOptionError
from .ingestion_properties import SparkIngestionProperties

__all__ = ["KustoReadOptions", "KustoWriteOptions", "check_read_options", "check_write_options", "ReadMode"]

_T = TypeVar("_T", bound="_KustoConnectionOptions")


class _KustoConnectionOptions(_ConnectionSetters):
    """The options of reads and writes. Immutable: each setter returns a new object. Values are
    checked as they are set, by the same rules that check the options of a read or write."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        """No options set; equivalent to ``create()``."""
        self._values: Mapping[OptionSpec, str] = {}

    @classmethod
    def create(cls: type[_T]) -> _T:
        """No options set."""
        return cls()

    def _with(self: _T, option: OptionSpec, value: Any) -> _T:
        return self._with_text(option, _option_text(option, value))

    def _with_text(self: _T, option: OptionSpec, text: str) -> _T:
        copy = type(self)()
        copy._values = {**self._values, option: canonical(option, text)}
        return copy

    def to_options(self) -> dict[str, str]:
        """The options as ``DataFrameReader.options`` / ``DataFrameWriter.options`` take them, in the
        registry's order whatever order the setters ran in."""
        return {option.key: self._values[option] for option in registry.OPTIONS if option in self._values}

    def aad_app_certificate(self: _T, pfx_path: str, password: str | None = None) -> _T:
        """Entra ID application authentication with a PKCS#12 certificate (options ``kutoAadAppCert*``)."""
        with_path = self._with(registry.KUTO_AAD_APP_CERT_PATH, pfx_path)
        return with_path if password is None else with_path._with(registry.KUTO_AAD_APP_CERT_PASSWORD, password)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _KustoConnectionOptions) and type(other) is type(self) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted((o.key, v) for o, v in self._values.items())))

    def __repr__(self) -> str:
        shown = ", ".join(f"{o.key}={'<hidden>' if o.secret else v}" for o, v in self._values.items())
        return f"{type(self).__name__}{{{shown}}}"


class KustoReadOptions(_KustoConnectionOptions, _ReadSetters):
    """Typed options of a read: ``spark.read.format("kusto").options(**opts.to_options()).load()``.
    Immutable; start from ``KustoReadOptions()``."""

    __slots__ = ()

    def custom_schema(self, schema: Any) -> KustoReadOptions:
        """The schema as Spark DDL (``a INT, b STRING``) or a PySpark ``StructType``, written as the
        JVM's ``StructType.toDDL()`` writes it."""
        if not isinstance(schema, str) and not hasattr(schema, "fields"):
            raise TypeError(f"customSchema takes Spark DDL text or a StructType, not {type(schema).__name__}")
        return self._with(registry.CUSTOM_SCHEMA, schema if isinstance(schema, str) else struct_ddl(schema))


class KustoWriteOptions(_KustoConnectionOptions, _WriteSetters):
    """Typed options of a write: ``df.write.format("kusto").options(**opts.to_options()).mode("append").save()``.
    Immutable; start from ``KustoWriteOptions()``."""

    __slots__ = ()

    def no_write_result_limit(self) -> KustoWriteOptions:
        """Report all ingestion failures (``writeResultLimit=none``)."""
        return self._with_text(registry.WRITE_RESULT_LIMIT, "none")


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


def _option_text(option: OptionSpec, value: Any) -> str:
    """A setter's Python value as the option's text; a value of the wrong type is a ``TypeError``."""
    kind = option.kind
    if value is None:
        raise TypeError(f"option {option.key} must not be None")
    if kind is Kind.BOOLEAN and isinstance(value, bool):
        return "true" if value else "false"
    if kind is Kind.INTEGER and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if kind is Kind.SECONDS and isinstance(value, (timedelta, str)):
        return _whole_seconds(option, value)
    if kind is Kind.CLIENT_REQUEST_PROPERTIES and isinstance(value, ClientRequestProperties):
        return value.to_json()
    if kind is Kind.SPARK_INGESTION_PROPERTIES and isinstance(value, SparkIngestionProperties):
        return value.to_json()
    if isinstance(value, KustoEnum) and value.value in option.values:
        return value.value
    if isinstance(value, str) and not isinstance(value, KustoEnum) and kind not in _TYPED_KINDS:
        return value
    wanted = f"a {option.enum} or a str" if option.enum else _TYPED_KINDS.get(kind, "a str")
    raise TypeError(f"option {option.key} takes {wanted}, not {type(value).__name__}")


_TYPED_KINDS = {
    Kind.BOOLEAN: "a bool",
    Kind.INTEGER: "an int",
    Kind.CLIENT_REQUEST_PROPERTIES: "a ClientRequestProperties",
    Kind.SPARK_INGESTION_PROPERTIES: "a SparkIngestionProperties",
}


def _whole_seconds(option: OptionSpec, value: timedelta | str) -> str:
    nanos = timespan_nanos(value, option.key)
    shown = value if isinstance(value, str) else format_timespan(nanos)
    if nanos <= 0:
        raise KustoOptionError(
            f"Option {option.key} has value {shown}: expected a positive timespan of whole seconds.", option.key
        )
    seconds, fraction = divmod(nanos, NANOS_PER_SECOND)
    if fraction:
        raise KustoOptionError(f"Option {option.key} is in whole seconds; {shown} has a fraction of a second.", option.key)
    return str(seconds)
