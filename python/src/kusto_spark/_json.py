"""JSON reading and canonical writing, byte for byte as the connector's JVM side (Jackson) does it.

Reading keeps object order, refuses duplicate names, ``NaN`` and ``Infinity``, and never quotes the
input in its errors: the JSON may hold secrets (SAS tokens, keys), so only the line and column of a
problem are reported. Reading gives ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and
``None``, as Jackson's default reading does (a number with a fraction or an exponent is a double);
with ``exact_numbers`` such a number is a ``Decimal`` holding the digits as written (``1.50`` stays
``1.50``), which epoch seconds with 100-ns digits need.

Writing has no insignificant whitespace, writes non-ASCII characters as themselves and escapes
control characters as Jackson does (``\\n``, ``\\t``... or ``\\u00XX`` in upper case). Numbers print
as Java prints them: ``float`` as ``Double.toString`` (``1000.0``, ``1.0E20``) and ``Decimal`` as
``BigDecimal.toString`` (``1.0E+20``).
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any, NoReturn

from .errors import KustoOptionError

__all__ = [
    "parse",
    "write",
    "java_double",
    "java_integer",
    "java_decimal",
    "plain",
    "node_type",
    "as_text",
]

_JAVA_INTEGER = re.compile(r"[+-]?[0-9]+")
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\f": "\\f", "\n": "\\n", "\r": "\\r"}


class _DuplicateFieldError(Exception):
    """An object names a field twice; Jackson's strict duplicate detection refuses it."""


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise _DuplicateFieldError()
        result[name] = value
    return result


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def _decimal(text: str) -> Decimal:
    value = Decimal(text)
    # Java's BigDecimal has no negative zero.
    return abs(value) if value.is_zero() else value


def parse(text: str, what: str, exact_numbers: bool = False) -> Any:
    """Parses ``text``, or raises :class:`KustoOptionError` saying where it is malformed (not what it holds).

    :param text: the JSON document.
    :param what: how the message names the document, e.g. ``clientRequestPropertiesJson``.
    :param exact_numbers: read numbers with a fraction or an exponent as ``Decimal``, not ``float``.
    """
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str of JSON, not {type(text).__name__}")
    if not text.strip():
        raise KustoOptionError(f"{what} is empty; expected a JSON document")
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_float=_decimal if exact_numbers else float,
        )
    except _DuplicateFieldError:
        raise KustoOptionError(f"{what} is not valid JSON: an object has the same field twice") from None
    except json.JSONDecodeError as e:
        # e.msg describes the grammar ("Expecting ',' delimiter"), never the document's content; some
        # messages end in "at", their position following, which the message states first here.
        problem = e.msg.removesuffix(" at").removesuffix(" starting")
        raise KustoOptionError(f"{what} is not valid JSON at line {e.lineno}, column {e.colno}: {problem}") from None
    except ValueError:
        raise KustoOptionError(f"{what} is not valid JSON: NaN and Infinity are not JSON numbers") from None


def write(value: Any) -> str:
    """The JSON of ``value`` with no insignificant whitespace (see the module comment for numbers and strings)."""
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts)


def _write(value: Any, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(java_double(value))
    elif isinstance(value, Decimal):
        out.append(str(abs(value) if value.is_zero() else value))
    elif isinstance(value, dict):
        out.append("{")
        for i, (name, item) in enumerate(value.items()):
            if i:
                out.append(",")
            out.append(_string(name))
            out.append(":")
            _write(item, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out)
        out.append("]")
    else:
        raise TypeError(f"cannot write a {type(value).__name__} as JSON")


def _string(text: str) -> str:
    escaped = []
    for ch in text:
        short = _SHORT_ESCAPES.get(ch)
        if short is not None:
            escaped.append(short)
        elif ch < " ":
            escaped.append(f"\\u{ord(ch):04X}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def java_double(value: float) -> str:
    """``value`` as Java's ``Double.toString`` prints it: the shortest digits that read back as
    ``value``, plain between 10^-3 and 10^7 (``1000.0``), else ``d.dddE<n>`` (``1.0E20``, ``1.0E-5``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    digits_tuple = Decimal(repr(magnitude)).normalize().as_tuple()
    digits = "".join(str(d) for d in digits_tuple.digits)
    exponent = int(digits_tuple.exponent) + len(digits) - 1
    if 1e-3 <= magnitude < 1e7:
        if exponent >= 0:
            whole = digits[: exponent + 1].ljust(exponent + 1, "0")
            fraction = digits[exponent + 1 :] or "0"
        else:
            whole = "0"
            fraction = "0" * (-exponent - 1) + digits
        return f"{sign}{whole}.{fraction}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{exponent}"


def java_integer(text: str, bits: int) -> int | None:
    """Java's ``Integer.parseInt`` (``bits`` 32) / ``Long.parseLong`` (64): an optional sign and
    ASCII digits within range, else None."""
    if not _JAVA_INTEGER.fullmatch(text):
        return None
    value = int(text)
    return value if -(2 ** (bits - 1)) <= value < 2 ** (bits - 1) else None


def java_decimal(value: float) -> Decimal:
    """``BigDecimal.valueOf(value)``: the decimal of Java's text of the double (``0.1`` is ``0.1``)."""
    text = java_double(value)
    decimal = Decimal(text)
    # BigDecimal has no negative zero.
    return abs(decimal) if decimal.is_zero() else decimal


def plain(value: Decimal) -> str:
    """``BigDecimal.toPlainString``: the digits without an exponent (``1.0E+20`` -> ``100000000000000000000``)."""
    return format(abs(value) if value.is_zero() else value, "f")


def node_type(value: Any) -> str:
    """The JSON type name of a parsed value, as Jackson's ``JsonNodeType`` in lower case."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def as_text(value: Any) -> str:
    """Jackson's ``JsonNode.asText()``: a string's text, a scalar's JSON text, ``""`` for arrays and objects."""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return ""
    return write(value)
