"""Kusto client request properties: the option ``clientRequestPropertiesJson``."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from . import _json
from ._times import (
    format_instant,
    format_timespan,
    instant_nanos,
    java_trim,
    parse_instant_or_none,
    parse_timespan_or_none,
    timespan_nanos,
)
from .errors import KustoOptionError

__all__ = ["ClientRequestProperties", "ClientRequestPropertiesBuilder", "OptionValue"]

#: The value of an option: text (timespans and instants in their canonical text), a boolean, a
#: whole number or a decimal number.
OptionValue = str | bool | int | Decimal

SERVER_TIMEOUT = "servertimeout"
NO_REQUEST_TIMEOUT = "norequesttimeout"
NO_TRUNCATION = "notruncation"
TRUNCATION_MAX_RECORDS = "truncationmaxrecords"
TRUNCATION_MAX_SIZE = "truncationmaxsize"
QUERY_DATETIMESCOPE_FROM = "query_datetimescope_from"
QUERY_DATETIMESCOPE_TO = "query_datetimescope_to"
QUERY_DATETIMESCOPE_COLUMN = "query_datetimescope_column"
REQUEST_APP_NAME = "request_app_name"
REQUEST_READONLY = "request_readonly"
QUERY_LANGUAGE = "query_language"
MAX_MEMORY_CONSUMPTION_PER_ITERATOR = "maxmemoryconsumptionperiterator"
MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE = "max_memory_consumption_per_query_per_node"
QUERY_RESULTS_CACHE_MAX_AGE = "query_results_cache_max_age"
CLIENT_REQUEST_ID = "client_request_id"

#: The options with typed setters, in canonical JSON order.
KNOWN_OPTIONS: tuple[str, ...] = (
    SERVER_TIMEOUT, NO_REQUEST_TIMEOUT, NO_TRUNCATION, TRUNCATION_MAX_RECORDS, TRUNCATION_MAX_SIZE,
    QUERY_DATETIMESCOPE_FROM, QUERY_DATETIMESCOPE_TO, QUERY_DATETIMESCOPE_COLUMN, REQUEST_APP_NAME,
    REQUEST_READONLY, QUERY_LANGUAGE, MAX_MEMORY_CONSUMPTION_PER_ITERATOR,
    MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE, QUERY_RESULTS_CACHE_MAX_AGE, CLIENT_REQUEST_ID,
)  # fmt: skip
_KNOWN_BY_LOWER = {name.lower(): name for name in KNOWN_OPTIONS}
_QUERY_LANGUAGES = ("csl", "kql", "sql")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_SHAPE = '{"Options":{...},"Parameters":{...}}'


def _java_order(name: str) -> bytes:
    # Java's TreeMap orders names by UTF-16 code units, which differs from code points beyond U+FFFF.
    return name.encode("utf-16-be", "surrogatepass")


class ClientRequestProperties:
    """Options that shape how the service runs a query, and query parameter values for
    ``declare query_parameters``. Immutable; build one with :meth:`builder` or parse the option
    ``clientRequestPropertiesJson`` with :meth:`from_json`.

    The canonical JSON (:meth:`to_json`) is ``{"Options":{...},"Parameters":{...}}`` with no
    whitespace: the well-known options first in the order of :data:`KNOWN_OPTIONS`, then other
    options sorted by name, then parameters sorted by name. Timespans print as
    ``[-][d.]hh:mm:ss[.fffffff]``, instants as ``2024-01-02T03:04:05.1234567Z``, parameters as CSL
    literal text (``long(5)``, ``datetime(...)``, strings raw), as the service reads them.

    >>> crp = (ClientRequestProperties.builder()
    ...        .server_timeout(timedelta(minutes=90))
    ...        .long_parameter("n", 5)
    ...        .build())
    >>> crp.to_json()
    '{"Options":{"servertimeout":"01:30:00"},"Parameters":{"n":"long(5)"}}'
    """

    __slots__ = ("_options", "_parameters")

    #: The options with typed setters, in canonical JSON order.
    KNOWN_OPTIONS = KNOWN_OPTIONS

    def __init__(self) -> None:
        """No options and no parameters; :meth:`builder` and :meth:`from_json` make the others."""
        self._options: Mapping[str, OptionValue] = MappingProxyType({})
        self._parameters: Mapping[str, str] = MappingProxyType({})

    @classmethod
    def _of(cls, options: dict[str, OptionValue], parameters: dict[str, str]) -> ClientRequestProperties:
        # Options and parameters already checked, in canonical form and order.
        properties = cls()
        properties._options = MappingProxyType(options)
        properties._parameters = MappingProxyType(parameters)
        return properties

    @staticmethod
    def empty() -> ClientRequestProperties:
        """No options and no parameters."""
        return ClientRequestProperties()

    @staticmethod
    def builder() -> ClientRequestPropertiesBuilder:
        """A builder with nothing set."""
        return ClientRequestPropertiesBuilder()

    def to_builder(self) -> ClientRequestPropertiesBuilder:
        """A builder holding this object's options and parameters, to derive a changed copy."""
        builder = ClientRequestPropertiesBuilder()
        builder._options.update(self._options)
        builder._parameters.update(self._parameters)
        return builder

    @property
    def options(self) -> Mapping[str, OptionValue]:
        """Options in canonical order; values are ``str``, ``bool``, ``int`` or ``Decimal``."""
        return self._options

    @property
    def parameters(self) -> Mapping[str, str]:
        """Query parameters by name, values as CSL literal text."""
        return self._parameters

    def is_empty(self) -> bool:
        """Whether there are neither options nor parameters."""
        return not self._options and not self._parameters

    def option(self, name: str) -> OptionValue | None:
        """The value of option ``name`` (exact spelling), or None."""
        return self._options.get(name)

    def to_json(self) -> str:
        """The canonical JSON (see the class comment)."""
        return _json.write({"Options": dict(self._options), "Parameters": dict(self._parameters)})

    @staticmethod
    def from_json(text: str) -> ClientRequestProperties:
        """Parses the SDK's form (as its ``ClientRequestProperties.to_json()`` prints it, and as the
        established connector's ``clientRequestPropertiesJson`` holds it): an object with optional
        ``Options`` and ``Parameters`` objects. Well-known options are checked and brought to their
        canonical form; other options keep their JSON scalar value.

        :raises KustoOptionError: naming the field and the value that cannot be used.
        """
        root = _json.parse(text, "clientRequestPropertiesJson")
        if not isinstance(root, dict):
            raise KustoOptionError(
                f"clientRequestPropertiesJson must be a JSON object {_SHAPE}, not a {_json.node_type(root)}",
                "clientRequestPropertiesJson",
            )
        builder = ClientRequestProperties.builder()
        for field, value in root.items():
            if field == "Options":
                _require_object_or_null(value, field)
                for name, option_value in (value or {}).items():
                    builder.option(name, _scalar(option_value, f"Options.{name}"))
            elif field == "Parameters":
                _require_object_or_null(value, field)
                for name, parameter_value in (value or {}).items():
                    builder._parameters[_require_name(name, "parameter")] = _parameter_text(parameter_value, name)
            else:
                raise KustoOptionError(
                    f"clientRequestPropertiesJson has an unknown field '{field}'; allowed fields: Options, Parameters",
                    field,
                )
        return builder.build()

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ClientRequestProperties)
            and dict(self._options) == dict(other._options)
            and dict(self._parameters) == dict(other._parameters)
        )

    def __hash__(self) -> int:
        return hash((tuple(self._options.items()), tuple(self._parameters.items())))

    def __str__(self) -> str:
        return self.to_json()

    def toString(self) -> str:  # noqa: N802 - the JVM object's method name, kept for existing snippets
        """The same as :meth:`to_json`, under the name of the JVM object's method, so that snippets
        written for ``sc._jvm`` objects (``.option("clientRequestPropertiesJson", crp.toString())``)
        run unchanged once ``crp`` comes from this builder."""
        return self.to_json()

    def __repr__(self) -> str:
        return f"ClientRequestProperties({self.to_json()})"


def _require_object_or_null(value: Any, field: str) -> None:
    if value is not None and not isinstance(value, dict):
        raise KustoOptionError(f"clientRequestPropertiesJson field '{field}' must be a JSON object", field)


def _scalar(value: Any, where: str) -> OptionValue:
    if isinstance(value, float):
        return _json.java_decimal(value)
    if isinstance(value, (str, bool, int)):
        return value
    raise KustoOptionError(
        f"clientRequestPropertiesJson {where} must be a string, number or boolean, not {_json.node_type(value)}",
        where,
    )


def _parameter_text(value: Any, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return f"bool({_json.write(value)})"
    if isinstance(value, int):
        return f"long({value})"
    if isinstance(value, float):
        return f"real({_json.plain(_json.java_decimal(value))})"
    raise KustoOptionError(
        f"clientRequestPropertiesJson parameter '{name}' must be a string (a CSL literal such as long(5)),"
        " number or boolean",
        name,
    )


def _require_name(name: str | None, what: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise KustoOptionError(f"a client request {what} name must not be blank")
    return name


def _java_text(value: Any) -> str:
    # How the JVM side's messages print a value (Java's toString).
    if isinstance(value, (bool, float, Decimal)):
        return _json.write(value)
    return str(value)


class ClientRequestPropertiesBuilder:
    """Collects options and parameters; :meth:`build` checks them together. Each setter returns the builder.

    Timespans are ``timedelta`` or text (``01:30:00``, ``1.02:03:04.1234567``, ``10m``); instants are
    timezone-aware ``datetime`` or ISO-8601 text, which keeps 100-ns ticks that ``datetime`` cannot hold.
    """

    __slots__ = ("_options", "_parameters")

    def __init__(self) -> None:
        self._options: dict[str, OptionValue] = {}
        self._parameters: dict[str, str] = {}

    def server_timeout(self, timeout: timedelta | str) -> ClientRequestPropertiesBuilder:
        """``servertimeout``: how long the service may run the request (positive; the SDK caps it at 1 hour)."""
        nanos = timespan_nanos(timeout, SERVER_TIMEOUT)
        if nanos <= 0:
            raise KustoOptionError(
                f"client request property {SERVER_TIMEOUT} must be positive,"
                f" not {format_timespan(nanos, SERVER_TIMEOUT)}",
                SERVER_TIMEOUT,
            )
        return self._put(SERVER_TIMEOUT, format_timespan(nanos, SERVER_TIMEOUT))

    def no_request_timeout(self, value: bool) -> ClientRequestPropertiesBuilder:
        """``norequesttimeout``: lift the request timeout to the service's maximum."""
        return self._put(NO_REQUEST_TIMEOUT, _require_bool(value, NO_REQUEST_TIMEOUT))

    def no_truncation(self, value: bool) -> ClientRequestPropertiesBuilder:
        """``notruncation``: return all rows instead of failing past the result set limits."""
        return self._put(NO_TRUNCATION, _require_bool(value, NO_TRUNCATION))

    def truncation_max_records(self, records: int) -> ClientRequestPropertiesBuilder:
        """``truncationmaxrecords``: the most rows a result may hold."""
        return self._put(TRUNCATION_MAX_RECORDS, _require_non_negative(records, TRUNCATION_MAX_RECORDS))

    def truncation_max_size(self, size_bytes: int) -> ClientRequestPropertiesBuilder:
        """``truncationmaxsize``: the most bytes a result may hold."""
        return self._put(TRUNCATION_MAX_SIZE, _require_non_negative(size_bytes, TRUNCATION_MAX_SIZE))

    def query_datetime_scope_from(self, start: datetime | str) -> ClientRequestPropertiesBuilder:
        """``query_datetimescope_from``: the earliest datetime of the scoped column (UTC)."""
        return self._put_instant(QUERY_DATETIMESCOPE_FROM, start)

    def query_datetime_scope_to(self, end: datetime | str) -> ClientRequestPropertiesBuilder:
        """``query_datetimescope_to``: the latest datetime of the scoped column (UTC)."""
        return self._put_instant(QUERY_DATETIMESCOPE_TO, end)

    def query_datetime_scope_column(self, column: str) -> ClientRequestPropertiesBuilder:
        """``query_datetimescope_column``: the column the datetime scope applies to."""
        return self._put(QUERY_DATETIMESCOPE_COLUMN, _require_text(column, QUERY_DATETIMESCOPE_COLUMN))

    def request_app_name(self, name: str) -> ClientRequestPropertiesBuilder:
        """``request_app_name``: the application name the service records for the request."""
        return self._put(REQUEST_APP_NAME, _require_text(name, REQUEST_APP_NAME))

    def request_readonly(self, value: bool) -> ClientRequestPropertiesBuilder:
        """``request_readonly``: refuse anything that writes."""
        return self._put(REQUEST_READONLY, _require_bool(value, REQUEST_READONLY))

    def query_language(self, language: str) -> ClientRequestPropertiesBuilder:
        """``query_language``: ``csl`` (= ``kql``) or ``sql``, in any case."""
        lowered = _require_text(language, QUERY_LANGUAGE).lower()
        if lowered not in _QUERY_LANGUAGES:
            raise KustoOptionError(
                f"client request property {QUERY_LANGUAGE} has value '{language}';"
                f" allowed values: {', '.join(_QUERY_LANGUAGES)}",
                QUERY_LANGUAGE,
            )
        return self._put(QUERY_LANGUAGE, lowered)

    def max_memory_consumption_per_iterator(self, size_bytes: int) -> ClientRequestPropertiesBuilder:
        """``maxmemoryconsumptionperiterator``: bytes one query operator may use."""
        return self._put(
            MAX_MEMORY_CONSUMPTION_PER_ITERATOR, _require_positive(size_bytes, MAX_MEMORY_CONSUMPTION_PER_ITERATOR)
        )

    def max_memory_consumption_per_query_per_node(self, size_bytes: int) -> ClientRequestPropertiesBuilder:
        """``max_memory_consumption_per_query_per_node``: bytes the query may use on one node."""
        return self._put(
            MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE,
            _require_positive(size_bytes, MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE),
        )

    def query_results_cache_max_age(self, max_age: timedelta | str) -> ClientRequestPropertiesBuilder:
        """``query_results_cache_max_age``: the oldest cached result the query accepts."""
        nanos = timespan_nanos(max_age, QUERY_RESULTS_CACHE_MAX_AGE)
        if nanos < 0:
            raise KustoOptionError(
                f"client request property {QUERY_RESULTS_CACHE_MAX_AGE} must not be negative,"
                f" not {format_timespan(nanos, QUERY_RESULTS_CACHE_MAX_AGE)}",
                QUERY_RESULTS_CACHE_MAX_AGE,
            )
        return self._put(QUERY_RESULTS_CACHE_MAX_AGE, format_timespan(nanos, QUERY_RESULTS_CACHE_MAX_AGE))

    def client_request_id(self, request_id: str) -> ClientRequestPropertiesBuilder:
        """``client_request_id``: the id the service logs for the request (otherwise the connector makes one)."""
        return self._put(CLIENT_REQUEST_ID, _require_text(request_id, CLIENT_REQUEST_ID))

    def option(
        self, name: str, value: str | bool | int | float | Decimal | timedelta | datetime
    ) -> ClientRequestPropertiesBuilder:
        """Any option by name; a well-known name (in any case) is checked as its typed setter checks it.

        Values are ``str``, ``bool``, ``int``, ``float`` or ``Decimal``; well-known timespan and
        instant options also take ``timedelta`` and ``datetime``, and a bare number of a timespan
        option is milliseconds, as the service reads it.
        """
        _require_name(name, "option")
        if value is None:
            raise KustoOptionError(f"client request option '{name}' has a null value", name)
        known = _KNOWN_BY_LOWER.get(name.lower())
        if known is not None:
            return self._known_option(known, value)
        canonical: Any = _json.java_decimal(value) if isinstance(value, float) else value
        if isinstance(canonical, int) and not isinstance(canonical, bool) and not _LONG_MIN <= canonical <= _LONG_MAX:
            canonical = Decimal(canonical)
        if not isinstance(canonical, (str, bool, int, Decimal)):
            raise KustoOptionError(
                f"client request option '{name}' must be a string, boolean or number, not {type(value).__name__}",
                name,
            )
        return self._put(name, canonical)

    def _known_option(self, name: str, value: Any) -> ClientRequestPropertiesBuilder:
        if name == SERVER_TIMEOUT:
            return self.server_timeout(_timespan_value(name, value))
        if name == QUERY_RESULTS_CACHE_MAX_AGE:
            return self.query_results_cache_max_age(_timespan_value(name, value))
        if name in (NO_REQUEST_TIMEOUT, NO_TRUNCATION, REQUEST_READONLY):
            return self._put(name, _boolean_value(name, value))
        if name == TRUNCATION_MAX_RECORDS:
            return self.truncation_max_records(_long_value(name, value))
        if name == TRUNCATION_MAX_SIZE:
            return self.truncation_max_size(_long_value(name, value))
        if name == MAX_MEMORY_CONSUMPTION_PER_ITERATOR:
            return self.max_memory_consumption_per_iterator(_long_value(name, value))
        if name == MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE:
            return self.max_memory_consumption_per_query_per_node(_long_value(name, value))
        if name in (QUERY_DATETIMESCOPE_FROM, QUERY_DATETIMESCOPE_TO):
            return self._put(name, format_instant(_instant_value(name, value), name))
        if name == QUERY_DATETIMESCOPE_COLUMN:
            return self.query_datetime_scope_column(_java_text(value))
        if name == REQUEST_APP_NAME:
            return self.request_app_name(_java_text(value))
        if name == QUERY_LANGUAGE:
            return self.query_language(_java_text(value))
        return self.client_request_id(_java_text(value))

    def string_parameter(self, name: str, value: str) -> ClientRequestPropertiesBuilder:
        """A ``string`` parameter, sent as the raw text."""
        if not isinstance(value, str):
            raise TypeError(f"string parameter '{name}' must be a str, not {type(value).__name__}")
        return self._parameter(name, value)

    def long_parameter(self, name: str, value: int) -> ClientRequestPropertiesBuilder:
        """A ``long`` parameter: ``long(5)``."""
        return self._parameter(name, f"long({_require_long(value, f'parameter {name}')})")

    def real_parameter(self, name: str, value: float) -> ClientRequestPropertiesBuilder:
        """A ``real`` parameter: ``real(1.5)``, ``real(nan)``, ``real(+inf)``; the digits are Java's for
        the double, in plain notation (``real(1.0)``, ``real(0.00000010)``, ``real(100000000000000000000)``)."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"real parameter '{name}' must be a float, not {type(value).__name__}")
        number = float(value)
        if math.isnan(number):
            text = "nan"
        elif math.isinf(number):
            text = "+inf" if number > 0 else "-inf"
        else:
            text = _json.plain(_json.java_decimal(number))
        return self._parameter(name, f"real({text})")

    def bool_parameter(self, name: str, value: bool) -> ClientRequestPropertiesBuilder:
        """A ``bool`` parameter: ``bool(true)``."""
        return self._parameter(name, f"bool({_json.write(_require_bool(value, f'parameter {name}'))})")

    def datetime_parameter(self, name: str, value: datetime | str) -> ClientRequestPropertiesBuilder:
        """A ``datetime`` parameter: ``datetime(2024-01-02T03:04:05.1234567Z)``."""
        what = f"parameter {name}"
        return self._parameter(name, f"datetime({format_instant(instant_nanos(value, what), what)})")

    def timespan_parameter(self, name: str, value: timedelta | str) -> ClientRequestPropertiesBuilder:
        """A ``timespan`` parameter: ``time(1.02:03:04.5000000)``."""
        what = f"parameter {name}"
        return self._parameter(name, f"time({format_timespan(timespan_nanos(value, what), what)})")

    def guid_parameter(self, name: str, value: uuid.UUID | str) -> ClientRequestPropertiesBuilder:
        """A ``guid`` parameter: ``guid(...)``, in lower case."""
        if isinstance(value, str):
            try:
                value = uuid.UUID(value)
            except ValueError:
                raise KustoOptionError(
                    f"guid parameter '{name}' has value '{value}'; expected a GUID such as"
                    " 1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                    name,
                ) from None
        if not isinstance(value, uuid.UUID):
            raise TypeError(f"guid parameter '{name}' must be a uuid.UUID or str, not {type(value).__name__}")
        return self._parameter(name, f"guid({value})")

    def dynamic_parameter(self, name: str, json_text: str) -> ClientRequestPropertiesBuilder:
        """A ``dynamic`` parameter from JSON text: ``dynamic({"a":1})``, written again without whitespace."""
        node = _json.parse(json_text, f"dynamic parameter '{name}'")
        return self._parameter(name, f"dynamic({_json.write(node)})")

    def _parameter(self, name: str, literal: str) -> ClientRequestPropertiesBuilder:
        _require_name(name, "parameter")
        if not _IDENTIFIER.fullmatch(name):
            raise KustoOptionError(
                f"query parameter name '{name}' is not a valid identifier"
                " (letters, digits and '_', not starting with a digit)",
                name,
            )
        self._parameters[name] = literal
        return self

    def _put_instant(self, name: str, value: datetime | str) -> ClientRequestPropertiesBuilder:
        return self._put(name, format_instant(instant_nanos(value, name), name))

    def _put(self, name: str, value: OptionValue) -> ClientRequestPropertiesBuilder:
        self._options[name] = value
        return self

    def build(self) -> ClientRequestProperties:
        """Checks the options together (a datetime scope needs ``from`` before ``to``) and returns them."""
        start = self._options.get(QUERY_DATETIMESCOPE_FROM)
        end = self._options.get(QUERY_DATETIMESCOPE_TO)
        if start is not None and end is not None:
            start_nanos = parse_instant_or_none(str(start))
            end_nanos = parse_instant_or_none(str(end))
            if start_nanos is not None and end_nanos is not None and start_nanos > end_nanos:
                raise KustoOptionError(
                    f"client request property {QUERY_DATETIMESCOPE_FROM} ({start}) is after"
                    f" {QUERY_DATETIMESCOPE_TO} ({end})",
                    QUERY_DATETIMESCOPE_FROM,
                )
        ordered = {name: self._options[name] for name in KNOWN_OPTIONS if name in self._options}
        for name in sorted(self._options, key=_java_order):
            ordered.setdefault(name, self._options[name])
        parameters = {name: self._parameters[name] for name in sorted(self._parameters, key=_java_order)}
        return ClientRequestProperties._of(ordered, parameters)


def _timespan_value(name: str, value: Any) -> timedelta | str:
    if isinstance(value, timedelta):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and math.isfinite(value):
        # The SDK and the service read a bare number of a timespan option as milliseconds.
        return f"{int(value)}ms"
    text = _java_text(value)
    if parse_timespan_or_none(text) is None:
        raise KustoOptionError(
            f"client request property {name} has value '{text}'; expected a timespan such as 00:10:00,"
            " 1.02:03:04.5 or 10m",
            name,
        )
    return text


def _boolean_value(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = java_trim(_java_text(value))
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise KustoOptionError(
        f"client request property {name} has value '{_java_text(value)}'; allowed values: true, false", name
    )


def _long_value(name: str, value: Any) -> int:
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and _LONG_MIN <= value <= _LONG_MAX:
            return int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        if _LONG_MIN <= value <= _LONG_MAX:
            return value
    elif isinstance(value, float):
        if math.isfinite(value):
            # A Java double's longValue(): the whole part.
            return max(_LONG_MIN, min(_LONG_MAX, int(value)))
    else:
        number = _json.java_integer(java_trim(_java_text(value)), 64)
        if number is not None:
            return number
    raise KustoOptionError(
        f"client request property {name} has value '{_java_text(value)}'; expected a whole number", name
    )


def _instant_value(name: str, value: Any) -> int:
    if isinstance(value, datetime):
        return instant_nanos(value, name)
    text = _java_text(value)
    nanos = parse_instant_or_none(text)
    if nanos is None:
        raise KustoOptionError(
            f"client request property {name} has value '{text}'; expected an ISO-8601 instant such as"
            " 2024-01-02T03:04:05.1234567Z",
            name,
        )
    return nanos


def _require_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"client request property {name} must be a bool, not {type(value).__name__}")
    return value


def _require_long(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"client request property {name} must be an int, not {type(value).__name__}")
    if not _LONG_MIN <= value <= _LONG_MAX:
        raise KustoOptionError(
            f"client request property {name} has value '{value}'; expected a whole number of 64 bits", name
        )
    return value


def _require_positive(value: Any, name: str) -> int:
    if _require_long(value, name) <= 0:
        raise KustoOptionError(f"client request property {name} must be positive, not {value}", name)
    return int(value)


def _require_non_negative(value: Any, name: str) -> int:
    if _require_long(value, name) < 0:
        raise KustoOptionError(f"client request property {name} must not be negative, not {value}", name)
    return int(value)


def _require_text(value: Any, name: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise KustoOptionError(f"client request property {name} must not be blank", name)
    if not isinstance(value, str):
        raise TypeError(f"client request property {name} must be a str, not {type(value).__name__}")
    return value
