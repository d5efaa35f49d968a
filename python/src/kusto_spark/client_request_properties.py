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
from ._registry import CLIENT_REQUEST_FIELDS, CRP_QUERY_DATETIME_SCOPE_FROM, CRP_QUERY_DATETIME_SCOPE_TO
from ._registry import _ClientRequestSetters
from ._registry import FieldSpec
from ._times import NANOS_PER_SECOND, format_instant, format_timespan, instant_nanos, timespan_nanos
from .errors import KustoOptionError

__all__ = ["ClientRequestProperties", "ClientRequestPropertiesBuilder", "OptionValue"]

#: The value of an option: text (timespans and instants in Kusto's text), a boolean or a number.
OptionValue = str | bool | int | float | Decimal

#: The options with typed setters, in canonical JSON order.
KNOWN_OPTIONS: tuple[str, ...] = tuple(f.key for f in CLIENT_REQUEST_FIELDS)
_KNOWN_BY_LOWER = {f.key.lower(): f for f in CLIENT_REQUEST_FIELDS}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONG = range(-(2**63), 2**63)
_SHAPE = '{"Options":{...},"Parameters":{...}}'


class ClientRequestProperties:
    """Options that shape how the service runs a query, and query parameter values for
    ``declare query_parameters``. Immutable; build one with :meth:`builder` or parse the option
    ``clientRequestPropertiesJson`` with :meth:`from_json`.

    :meth:`to_json` writes ``{"Options":{...},"Parameters":{...}}``: the well-known options first, in
    the order of :data:`KNOWN_OPTIONS`, then the others and the parameters sorted by name. Timespans
    are ``[-][d.]hh:mm:ss[.fffffff]``, instants ``2024-01-02T03:04:05.1234567Z``, parameters CSL
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
        """Options in canonical order."""
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
        """The JSON (see the class comment)."""
        return _json.write({"Options": dict(self._options), "Parameters": dict(self._parameters)})

    @staticmethod
    def from_json(text: str) -> ClientRequestProperties:
        """Parses the SDK's form (as its ``ClientRequestProperties.to_json()`` prints it, and as the
        established connector's ``clientRequestPropertiesJson`` holds it): an object with optional
        ``Options`` and ``Parameters`` objects. Well-known options are checked as their setters check
        them; other options keep their JSON value.

        :raises KustoOptionError: naming the field and the value that cannot be used.
        """
        root = _json.parse(text, "clientRequestPropertiesJson")
        if not isinstance(root, dict):
            raise KustoOptionError(f"clientRequestPropertiesJson must be a JSON object {_SHAPE}, not a {_json.type_name(root)}")
        builder = ClientRequestProperties.builder()
        for field, value in root.items():
            if field not in ("Options", "Parameters"):
                raise KustoOptionError(
                    f"clientRequestPropertiesJson has an unknown field '{field}'; allowed fields: Options, Parameters", field
                )
            if value is not None and not isinstance(value, dict):
                raise KustoOptionError(f"clientRequestPropertiesJson field '{field}' must be a JSON object", field)
            for name, item in (value or {}).items():
                if field == "Options":
                    builder.option(name, _scalar(item, f"clientRequestPropertiesJson Options.{name}"))
                else:
                    builder._parameters[_require_name(name, "parameter")] = _parameter_text(item, name)
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


def _scalar(value: Any, where: str) -> OptionValue:
    if isinstance(value, (str, bool, int, Decimal)):
        return value
    raise KustoOptionError(f"{where} must be a string, number or boolean, not {_json.type_name(value)}", where)


def _parameter_text(value: Any, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return f"bool({_json.write(value)})"
    if isinstance(value, int):
        return f"long({value})"
    if isinstance(value, Decimal):
        return f"real({value})"
    raise KustoOptionError(
        f"clientRequestPropertiesJson parameter '{name}' must be a string (a CSL literal such as long(5)),"
        " number or boolean",
        name,
    )


def _require_name(name: Any, what: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise KustoOptionError(f"a client request {what} name must not be blank")
    return name


class ClientRequestPropertiesBuilder(_ClientRequestSetters):
    """Collects options and parameters; :meth:`build` checks them together. Each setter returns the builder.

    Timespans are ``timedelta`` or text (``01:30:00``, ``1.02:03:04.1234567``, ``10m``); instants are
    timezone-aware ``datetime`` or ISO-8601 text, which keeps 100-ns ticks that ``datetime`` cannot hold.
    """

    __slots__ = ("_options", "_parameters")

    def __init__(self) -> None:
        self._options: dict[str, OptionValue] = {}
        self._parameters: dict[str, str] = {}

    def _set(self, field: FieldSpec, value: Any) -> ClientRequestPropertiesBuilder:
        self._options[field.key] = _field_value(field, value)
        return self

    def option(
        self, name: str, value: str | bool | int | float | Decimal | timedelta | datetime
    ) -> ClientRequestPropertiesBuilder:
        """Any option by name; a well-known name (in any case) is checked as its typed setter checks it.

        Values are ``str``, ``bool``, ``int``, ``float`` or ``Decimal``; well-known options also take
        their text forms, timespans and instants also ``timedelta`` and ``datetime``, and a bare number
        of a timespan option is milliseconds, as the service reads it.
        """
        _require_name(name, "option")
        if value is None:
            raise KustoOptionError(f"client request option '{name}' has a null value", name)
        field = _KNOWN_BY_LOWER.get(name.lower())
        if field is not None:
            return self._set(field, _from_scalar(field, value))
        if isinstance(value, float) and not math.isfinite(value):
            raise KustoOptionError(f"client request option '{name}' must be a finite number, not {value}", name)
        if not isinstance(value, (str, bool, int, float, Decimal)):
            raise KustoOptionError(
                f"client request option '{name}' must be a string, boolean or number, not {type(value).__name__}", name
            )
        self._options[name] = value
        return self

    def _query_parameter(self, name: str, value: Any, kind: str, literal: str | None) -> ClientRequestPropertiesBuilder:
        _require_name(name, "parameter")
        if not _IDENTIFIER.fullmatch(name):
            raise KustoOptionError(
                f"query parameter name '{name}' is not a valid identifier"
                " (letters, digits and '_', not starting with a digit)",
                name,
            )
        text = _parameter_value(name, value, kind)
        self._parameters[name] = text if literal is None else f"{literal}({text})"
        return self

    def build(self) -> ClientRequestProperties:
        """Checks the options together (a datetime scope needs ``from`` before ``to``) and returns them."""
        start, end = (self._options.get(f.key) for f in (CRP_QUERY_DATETIME_SCOPE_FROM, CRP_QUERY_DATETIME_SCOPE_TO))
        # Both are canonical instant text, whose order is the instants' order.
        if isinstance(start, str) and isinstance(end, str) and start > end:
            raise KustoOptionError(
                f"client request property {CRP_QUERY_DATETIME_SCOPE_FROM.key} ({start}) is after"
                f" {CRP_QUERY_DATETIME_SCOPE_TO.key} ({end})",
                CRP_QUERY_DATETIME_SCOPE_FROM.key,
            )
        known = [name for name in KNOWN_OPTIONS if name in self._options]
        names = known + sorted(name for name in self._options if name not in known)
        properties = ClientRequestProperties()
        properties._options = MappingProxyType({name: self._options[name] for name in names})
        properties._parameters = MappingProxyType(dict(sorted(self._parameters.items())))
        return properties


_PARAMETER_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "text": (str, "str"),
    "long": (int, "int"),
    "real": ((int, float), "float"),
    "boolean": (bool, "bool"),
    "guid": (uuid.UUID, "uuid.UUID or str"),
}


def _parameter_value(name: str, value: Any, kind: str) -> str:
    """A query parameter's value as the text inside its CSL literal."""
    what = f"parameter {name}"
    if kind == "instant":
        return format_instant(instant_nanos(value, what))
    if kind == "timespan":
        return format_timespan(timespan_nanos(value, what))
    if kind == "json":
        return _json.write(_json.parse(value, f"dynamic parameter '{name}'"))
    if kind == "guid" and isinstance(value, str):
        try:
            value = uuid.UUID(value)
        except ValueError:
            raise KustoOptionError(
                f"guid parameter '{name}' has value '{value}'; expected a GUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                name,
            ) from None
    wanted, shown = _PARAMETER_TYPES[kind]
    if not isinstance(value, wanted) or (isinstance(value, bool) and kind != "boolean"):
        raise TypeError(f"{kind} parameter '{name}' must be a {shown}, not {type(value).__name__}")
    if kind == "long" and value not in _LONG:
        raise KustoOptionError(f"long parameter '{name}' has value {value}; expected a whole number of 64 bits", name)
    if kind == "real":
        number = float(value)  # type: ignore[arg-type]
        return "nan" if math.isnan(number) else ("+inf" if number > 0 else "-inf") if math.isinf(number) else repr(number)
    return _json.write(value) if kind == "boolean" else str(value)


def _field_value(field: FieldSpec, value: Any) -> OptionValue:
    """A typed setter's value, checked against the field's type and bounds, in canonical form."""
    what = f"client request property {field.key}"
    if field.type == "timespan":
        nanos = timespan_nanos(value, field.key)
        _require_bounds(field, Decimal(nanos) / NANOS_PER_SECOND, format_timespan(nanos))
        return format_timespan(nanos)
    if field.type == "instant":
        return format_instant(instant_nanos(value, field.key))
    if field.type == "boolean":
        if not isinstance(value, bool):
            raise TypeError(f"{what} must be a bool, not {type(value).__name__}")
        return value
    if field.type == "long":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{what} must be an int, not {type(value).__name__}")
        if value not in _LONG:
            raise KustoOptionError(f"{what} has value '{value}'; expected a whole number of 64 bits", field.key)
        _require_bounds(field, value, str(value))
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise KustoOptionError(f"{what} must not be blank", field.key)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if field.values:
        match = next((v for v in field.values if v == value.strip().lower()), None)
        if match is None:
            raise KustoOptionError(f"{what} has value '{value}'; allowed values: {', '.join(field.values)}", field.key)
        return match
    return value


def _require_bounds(field: FieldSpec, value: int | Decimal, shown: str) -> None:
    if field.exclusive_minimum is not None and value <= field.exclusive_minimum:
        words = "be positive" if field.exclusive_minimum == 0 else f"be above {field.exclusive_minimum}"
    elif field.minimum is not None and value < field.minimum:
        words = "not be negative" if field.minimum == 0 else f"be at least {field.minimum}"
    else:
        return
    raise KustoOptionError(f"client request property {field.key} must {words}, not {shown}", field.key)


def _from_scalar(field: FieldSpec, value: Any) -> Any:
    """A JSON scalar (or a Python value given to ``option``) as the field's setter takes it."""
    if field.type == "timespan" and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        # The SDK and the service read a bare number of a timespan option as milliseconds.
        return f"{int(value)}ms" if value >= 0 else f"-{int(-value)}ms"
    if field.type == "boolean" and isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if field.type == "long" and not isinstance(value, bool):
        number = _whole_number(value)
        if number is not None:
            return number
        raise KustoOptionError(f"client request property {field.key} has value '{value}'; expected a whole number", field.key)
    if field.type == "instant" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if field.type in ("text", "enum", "timespan", "instant") and not isinstance(value, (str, timedelta, datetime)):
        return _json.write(value)
    if field.type == "boolean" and not isinstance(value, bool):
        raise KustoOptionError(f"client request property {field.key} has value '{value}'; allowed values: true, false", field.key)
    return value


def _whole_number(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, (float, Decimal)) and math.isfinite(value) and value == int(value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?[0-9]+\s*", value):
        return int(value)
    return None
