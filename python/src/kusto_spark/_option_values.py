"""The checks and conversions of option values, one per :class:`~kusto_spark._registry.Kind`, as the
connector's JVM side makes them; every message names the option and never shows a secret's value."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import _json
from ._registry import AUTH_METHODS, STORAGE_PROTOCOLS, Kind, OptionSpec
from ._times import java_trim
from ._urls import http_url_or_none, normalize_cluster
from .client_request_properties import ClientRequestProperties
from .enums import ReadMode, SchemaAdjustmentMode, TableCreationMode, WriteMode, _KustoEnum
from .errors import KustoOptionError
from .ingestion_properties import SparkIngestionProperties

__all__ = ["canonical", "expected"]

_TRANSIENT_STORAGE_FIELDS = frozenset({"storageCredentials", "endpointSuffix"})
_STORAGE_CREDENTIAL_FIELDS = frozenset({"storageAccountName", "blobContainer", "sasUrl", "sasKey", "storageAccountKey"})
_INGESTION_STORAGE_FIELDS = frozenset({"storageUrl", "containerName", "userMsi", "sas"})
_ENUMS: dict[Kind, type[_KustoEnum]] = {
    Kind.READ_MODE: ReadMode,
    Kind.WRITE_MODE: WriteMode,
    Kind.TABLE_CREATION_MODE: TableCreationMode,
    Kind.SCHEMA_ADJUSTMENT_MODE: SchemaAdjustmentMode,
}


def canonical(option: OptionSpec, value: str | None) -> str:
    """Checks ``value`` and returns it in canonical form (enum names as printed, booleans in lower
    case, JSON written again canonically), or raises :class:`KustoOptionError` naming the option,
    the value (unless secret) and what is allowed."""
    if value is None:
        raise KustoOptionError(f"Option {option.key} has no value; {expected(option)}", option.key)
    if not isinstance(value, str):
        raise TypeError(f"option {option.key} must be a str, not {type(value).__name__}")
    v = java_trim(value)
    kind = option.kind
    if kind is Kind.TEXT:
        return _require_text(option, value)
    if kind is Kind.CLUSTER:
        return normalize_cluster(_require_text(option, value))
    if kind is Kind.URL:
        if http_url_or_none(v) is None:
            raise _bad(option, v)
        return v.rstrip("/")
    if kind is Kind.BOOLEAN:
        if v.lower() in ("true", "false"):
            return v.lower()
        raise _bad(option, v)
    if kind in (Kind.SECONDS, Kind.INT):
        return str(_in_range(option, v))
    if kind in _ENUMS:
        member = _ENUMS[kind].parse_or_none(v)
        if member is None:
            raise _bad(option, v)
        return str(member.value)
    if kind is Kind.STORAGE_PROTOCOL:
        return _one_of(option, v, STORAGE_PROTOCOLS)
    if kind is Kind.AUTH_METHOD:
        return _one_of(option, v, AUTH_METHODS)
    if kind is Kind.WRITE_RESULT_LIMIT:
        return "none" if v.lower() == "none" else str(_positive(option, v, 32))
    if kind is Kind.JSON_OBJECT:
        return _json.write(_json_object(option, v))
    if kind is Kind.CLIENT_REQUEST_PROPERTIES:
        return _wrapped(option, v, lambda text: ClientRequestProperties.from_json(text).to_json(), True)
    if kind is Kind.SPARK_INGESTION_PROPERTIES:
        return _wrapped(option, v, lambda text: SparkIngestionProperties.from_json(text).to_json(), False)
    if kind is Kind.TRANSIENT_STORAGE:
        return _json.write(_transient_storage(option, v))
    if kind is Kind.INGESTION_STORAGE:
        return _json.write(_ingestion_storage(option, v))
    raise AssertionError(f"option {option.key} has no check for kind {kind}")


def expected(option: OptionSpec) -> str:
    """What the option takes, in the words of the error messages and the option reference."""
    kind = option.kind
    if kind in _ENUMS:
        return "allowed values: " + _ENUMS[kind].allowed_values()
    if kind is Kind.SECONDS:
        return f"expected a whole number of seconds from {option.minimum} to {option.maximum}"
    if kind is Kind.INT:
        return f"expected a whole number from {option.minimum} to {option.maximum}"
    return {
        Kind.TEXT: "expected a non-empty string",
        Kind.CLUSTER: "expected a cluster URL or name",
        Kind.URL: "expected an absolute http(s) URL",
        Kind.BOOLEAN: "allowed values: true, false",
        Kind.STORAGE_PROTOCOL: "allowed values: " + ", ".join(STORAGE_PROTOCOLS),
        Kind.AUTH_METHOD: "allowed values: " + ", ".join(AUTH_METHODS),
        Kind.WRITE_RESULT_LIMIT: "expected a whole number > 0 or none",
        Kind.JSON_OBJECT: "expected a JSON object",
        Kind.CLIENT_REQUEST_PROPERTIES: 'expected {"Options":{...},"Parameters":{...}}',
        Kind.SPARK_INGESTION_PROPERTIES: "expected a JSON object with fields "
        + ", ".join(SparkIngestionProperties.FIELDS),
        Kind.TRANSIENT_STORAGE: 'expected {"storageCredentials":[...],"endpointSuffix":"core.windows.net"}',
        Kind.INGESTION_STORAGE: 'expected [{"storageUrl":...,"containerName":...,"userMsi"|"sas":...}]',
    }[kind]


def _bad(option: OptionSpec, value: str) -> KustoOptionError:
    return KustoOptionError(f"Option {option.key} has value {option.shown(value)}: {expected(option)}.", option.key)


def _require_text(option: OptionSpec, value: str) -> str:
    if not value.strip():
        raise KustoOptionError(f"Option {option.key} is empty; {expected(option)}.", option.key)
    return value


def _in_range(option: OptionSpec, value: str) -> int:
    # Java reads these values as a long, then checks the range.
    number = _json.java_integer(value, 64)
    if number is not None and option.minimum is not None and option.maximum is not None:
        if option.minimum <= number <= option.maximum:
            return number
    raise _bad(option, value)


def _positive(option: OptionSpec, value: str, bits: int) -> int:
    number = _json.java_integer(value, bits)
    if number is not None and number > 0:
        return number
    raise _bad(option, value)


def _one_of(option: OptionSpec, value: str, allowed: Iterable[str]) -> str:
    for candidate in allowed:
        if candidate.lower() == value.lower():
            return candidate
    raise _bad(option, value)


def _wrapped(option: OptionSpec, value: str, to_json: Callable[[str], str], say_expected: bool) -> str:
    try:
        return to_json(value)
    except KustoOptionError as e:
        suffix = f" {expected(option)[0].upper()}{expected(option)[1:]}." if say_expected else ""
        raise KustoOptionError(f"Option {option.key} is invalid: {e}.{suffix}", option.key) from None


def _parsed(option: OptionSpec, value: str) -> Any:
    try:
        return _json.parse(value, f"Option {option.key}")
    except KustoOptionError as e:
        # The parser never quotes its input, so a secret option's message stays clean.
        raise KustoOptionError(f"{e}; {expected(option)}.", option.key) from None


def _json_object(option: OptionSpec, value: str) -> dict[str, Any]:
    node = _parsed(option, value)
    if not isinstance(node, dict):
        raise KustoOptionError(f"Option {option.key} must be a JSON object, not a {_json.node_type(node)}.", option.key)
    return node


def _has_non_null(node: dict[str, Any], field: str) -> bool:
    return node.get(field) is not None


def _transient_storage(option: OptionSpec, value: str) -> dict[str, Any]:
    root = _json_object(option, value)
    _require_fields(option, root, _TRANSIENT_STORAGE_FIELDS, "")
    credentials = root.get("storageCredentials")
    if not isinstance(credentials, list) or not credentials:
        raise KustoOptionError(
            f"Option {option.key} needs a non-empty storageCredentials array; {expected(option)}.", option.key
        )
    for i, credential in enumerate(credentials):
        where = f"storageCredentials[{i}]"
        if not isinstance(credential, dict):
            raise KustoOptionError(f"Option {option.key}: {where} must be a JSON object.", option.key)
        _require_fields(option, credential, _STORAGE_CREDENTIAL_FIELDS, where + ".")
        has_sas_url = _has_non_null(credential, "sasUrl")
        has_account = (
            _has_non_null(credential, "storageAccountName")
            and _has_non_null(credential, "blobContainer")
            and (_has_non_null(credential, "sasKey") or _has_non_null(credential, "storageAccountKey"))
        )
        if not has_sas_url and not has_account:
            raise KustoOptionError(
                f"Option {option.key}: {where} needs sasUrl, or storageAccountName, blobContainer and sasKey or"
                " storageAccountKey.",
                option.key,
            )
    return root


def _ingestion_storage(option: OptionSpec, value: str) -> list[Any]:
    root = _parsed(option, value)
    if not isinstance(root, list) or not root:
        raise KustoOptionError(f"Option {option.key} must be a non-empty JSON array; {expected(option)}.", option.key)
    for i, container in enumerate(root):
        where = f"[{i}]"
        if not isinstance(container, dict):
            raise KustoOptionError(f"Option {option.key}: {where} must be a JSON object.", option.key)
        _require_fields(option, container, _INGESTION_STORAGE_FIELDS, where + ".")
        if not _has_non_null(container, "storageUrl") or not _has_non_null(container, "containerName"):
            raise KustoOptionError(f"Option {option.key}: {where} needs storageUrl and containerName.", option.key)
    return root


def _require_fields(option: OptionSpec, node: dict[str, Any], allowed: frozenset[str], prefix: str) -> None:
    for name in node:
        if name not in allowed:
            raise KustoOptionError(
                f"Option {option.key} has an unknown field '{prefix}{name}'; allowed: {', '.join(sorted(allowed))}.",
                option.key,
            )
