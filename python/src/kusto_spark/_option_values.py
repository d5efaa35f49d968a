"""The checks of option values, one per :class:`~kusto_spark._spec.Kind`, with the bounds, values and
wording of the generated registry. Every message names the option and never shows a secret's value.
The JSON storage options get their shape checked here; what a shape means (a SAS that works, a
container that exists) the connector finds out."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import _json
from ._registry import Kind, OptionSpec
from ._urls import http_url_or_none, normalize_cluster
from .client_request_properties import ClientRequestProperties
from .errors import KustoOptionError
from .ingestion_properties import SparkIngestionProperties

__all__ = ["canonical"]

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
_TRANSIENT_STORAGE = frozenset({"storageCredentials", "endpointSuffix"})
_STORAGE_CREDENTIAL = frozenset({"storageAccountName", "blobContainer", "sasUrl", "sasKey", "storageAccountKey"})
_INGESTION_STORAGE = frozenset({"storageUrl", "containerName", "userMsi", "sas"})


def canonical(option: OptionSpec, value: str | None) -> str:
    """Checks ``value`` and returns it in canonical form (enum names as printed, booleans in lower
    case, JSON written again compactly), or raises :class:`KustoOptionError` naming the option, the
    value (unless secret) and what is allowed."""
    if value is None:
        raise _error(option, f"has no value; {option.expected}")
    if not isinstance(value, str):
        raise TypeError(f"option {option.key} must be a str, not {type(value).__name__}")
    v = value.strip()
    kind = option.kind
    if kind in (Kind.TEXT, Kind.CLUSTER):
        if not v:
            raise _error(option, f"is empty; {option.expected}.")
        return normalize_cluster(value) if kind is Kind.CLUSTER else value
    if kind is Kind.URL:
        if http_url_or_none(v) is None:
            raise _bad(option, v)
        return v.rstrip("/")
    if kind is Kind.BOOLEAN or kind is Kind.ENUM:
        allowed = ("true", "false") if kind is Kind.BOOLEAN else option.values
        match = next((a for a in allowed if a.lower() == v.lower()), None)
        if match is None:
            raise _bad(option, v)
        return match
    if kind in (Kind.INTEGER, Kind.SECONDS):
        keyword = next((k for k in option.keywords if k.lower() == v.lower()), None)
        if keyword is not None:
            return keyword
        if _WHOLE_NUMBER.fullmatch(v) and option.minimum <= int(v) <= option.maximum:
            return str(int(v))
        raise _bad(option, v)
    if kind is Kind.CLIENT_REQUEST_PROPERTIES:
        return _through(option, v, lambda text: ClientRequestProperties.from_json(text).to_json())
    if kind is Kind.SPARK_INGESTION_PROPERTIES:
        return _through(option, v, lambda text: SparkIngestionProperties.from_json(text).to_json())
    node = _parsed(option, v)
    if kind is Kind.TRANSIENT_STORAGE:
        _transient_storage(option, node)
    elif kind is Kind.INGESTION_STORAGE:
        _ingestion_storage(option, node)
    elif not isinstance(node, dict):
        raise _error(option, f"must be a JSON object, not a {_json.type_name(node)}.")
    return _json.write(node)


def _error(option: OptionSpec, text: str) -> KustoOptionError:
    return KustoOptionError(f"Option {option.key}{'' if text.startswith(':') else ' '}{text}", option.key)


def _bad(option: OptionSpec, value: str) -> KustoOptionError:
    return _error(option, f"has value {option.shown(value)}: {option.expected}.")


def _through(option: OptionSpec, value: str, to_json: Callable[[str], str]) -> str:
    try:
        return to_json(value)
    except KustoOptionError as e:
        raise _error(option, f"is invalid: {e}. {option.expected[0].upper()}{option.expected[1:]}.") from None


def _parsed(option: OptionSpec, value: str) -> Any:
    try:
        return _json.parse(value, f"Option {option.key}")
    except KustoOptionError as e:
        # The parser never quotes its input, so a secret option's message stays clean.
        raise KustoOptionError(f"{e}; {option.expected}.", option.key) from None


def _transient_storage(option: OptionSpec, root: Any) -> None:
    _object(option, root, _TRANSIENT_STORAGE, "")
    credentials = root.get("storageCredentials")
    if not isinstance(credentials, list) or not credentials:
        raise _error(option, f"needs a non-empty storageCredentials array; {option.expected}.")
    for i, credential in enumerate(credentials):
        where = f"storageCredentials[{i}]"
        _object(option, credential, _STORAGE_CREDENTIAL, where)
        has = {name for name, v in credential.items() if v is not None}
        if "sasUrl" not in has and not ({"storageAccountName", "blobContainer"} <= has
                                        and has & {"sasKey", "storageAccountKey"}):  # fmt: skip
            raise _error(option, f": {where} needs sasUrl, or storageAccountName, blobContainer and sasKey or"
                                 " storageAccountKey.")  # fmt: skip


def _ingestion_storage(option: OptionSpec, root: Any) -> None:
    if not isinstance(root, list) or not root:
        raise _error(option, f"must be a non-empty JSON array; {option.expected}.")
    for i, container in enumerate(root):
        _object(option, container, _INGESTION_STORAGE, f"[{i}]")
        if container.get("storageUrl") is None or container.get("containerName") is None:
            raise _error(option, f": [{i}] needs storageUrl and containerName.")


def _object(option: OptionSpec, node: Any, allowed: frozenset[str], where: str) -> None:
    if not isinstance(node, dict):
        raise _error(option, f": {where or 'the value'} must be a JSON object.")
    for name in node:
        if name not in allowed:
            field = f"{where}.{name}" if where else name
            raise _error(option, f"has an unknown field '{field}'; allowed: {', '.join(sorted(allowed))}.")
