"""JSON through the standard library, with the connector's rules: duplicate names, ``NaN`` and
``Infinity`` are refused, numbers with a fraction or an exponent are ``Decimal`` (exact, so epoch
seconds keep their 100-ns digits), and errors never quote the input, which may hold secrets (SAS
tokens, keys). Writing is compact and keeps non-ASCII characters as themselves."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, NoReturn

from .errors import KustoOptionError

__all__ = ["parse", "write", "type_name"]


class _Refused(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("an object names a field twice")
    return result


def _no_constants(name: str) -> NoReturn:
    raise _Refused(f"{name} is not a JSON number")


def parse(text: str, what: str) -> Any:
    """The value of ``text``, or a :class:`KustoOptionError` saying where it is malformed (not what it holds)."""
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}")
    if not text.strip():
        raise KustoOptionError(f"{what} is empty; expected a JSON document", what)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_float=Decimal, parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        raise KustoOptionError(f"{what} is not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}", what) from None
    except _Refused as e:
        raise KustoOptionError(f"{what} is not valid JSON: {e}", what) from None


def write(value: Any) -> str:
    """Compact JSON; ``Decimal`` numbers are written with their digits."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not a JSON number")
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{write(str(k))}:{write(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(write(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def type_name(value: Any) -> str:
    """The JSON type of a parsed value, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
