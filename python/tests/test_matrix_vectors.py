"""The cross-language builder vectors of ``test-matrix/vectors`` (format: ``test-matrix/README.md``),
run against the Python builders, plus a few vectors of this suite's own in the same format.

Every vector file is one test. A vector whose builder, call, argument form or expectation this
runner cannot handle fails and names its file, so a vector added with a new form is never skipped.
JSON is compared by meaning (``_same``), as the README says, not byte for byte.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
from _paths import VECTORS

from kusto_spark.client_request_properties import ClientRequestProperties
from kusto_spark.ingestion_properties import CsvColumnMapping, SparkIngestionProperties
from kusto_spark.options import KustoReadOptions, KustoWriteOptions

_BUILDERS = ("ClientRequestProperties", "SparkIngestionProperties", "KustoReadOptions", "KustoWriteOptions")
_ERROR_KINDS = ("invalid-value", "invalid-json", "unknown-field", "conflict")
_SPECIAL_REALS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")

# Vectors of this suite's own: Python-specific corners of the shared format.
_OWN_VECTORS: dict[str, dict[str, Any]] = {
    "own/crp-known-option-any-case-number-is-milliseconds": {
        "description": "A well-known option named in another case, given as a number, is milliseconds.",
        "builder": "ClientRequestProperties",
        "steps": [{"call": "option", "args": ["ServerTimeout", 90000]}],
        "expect": {"json": '{"Options":{"servertimeout":"00:01:30"},"Parameters":{}}'},
    },
    "own/crp-extra-option-float-is-a-number": {
        "description": "An extra option given as a float is written as that number.",
        "builder": "ClientRequestProperties",
        "steps": [{"call": "option", "args": ["ratio", 0.25]}, {"call": "option", "args": ["big", 1e20]}],
        "expect": {"json": '{"Options":{"big":100000000000000000000,"ratio":0.25},"Parameters":{}}'},
    },
    "own/crp-datetime-parameter-keeps-ticks": {
        "description": "A datetime parameter given as text keeps its seventh fractional digit.",
        "builder": "ClientRequestProperties",
        "steps": [{"call": "datetimeParameter", "args": ["t", "2024-01-02T03:04:05.1234567Z"]}],
        "expect": {"json": '{"Options":{},"Parameters":{"t":"datetime(2024-01-02T03:04:05.1234567Z)"}}'},
    },
    "own/sip-control-characters-escaped": {
        "description": "Control characters in tags are escaped.",
        "builder": "SparkIngestionProperties",
        "steps": [{"call": "additionalTags", "args": [["a\nb", "\u0001", "\u007f"]]}],
        "expect": {"json": '{"additionalTags":["a\\nb","\\u0001","\u007f"]}'},
    },
    "own/write-timeout-negative": {
        "description": "A negative whole-seconds timespan is refused with its Kusto text.",
        "builder": "KustoWriteOptions",
        "steps": [{"call": "stagingResourcesAutoCleanupTimeout", "args": ["-00:00:05"]}],
        "expect": {"error": {"kind": "invalid-value", "contains": ["stagingResourcesAutoCleanupTimeout", "-00:00:05"]}},
    },
    "own/read-secret-not-shown": {
        "description": "A malformed secret option names the option and never shows the value.",
        "builder": "KustoReadOptions",
        "steps": [{"call": "transientStorage", "args": ['{"storageCredentials":[{"sasUrl":"https://a/b?sig=XYZ"}],']}],
        "expect": {"error": {"kind": "invalid-json", "contains": ["transientStorage"], "excludes": ["XYZ"]}},
    },
}


def _vector_files() -> list[Path]:
    return sorted(VECTORS.rglob("*.json")) if VECTORS.is_dir() else []


def test_the_shared_vectors_are_present() -> None:
    files = _vector_files()
    assert len(files) >= 45, f"expected at least 45 vectors under {VECTORS}, found {len(files)}"
    assert {f.parent.name for f in files} == set(_BUILDERS)


@pytest.mark.parametrize("path", _vector_files(), ids=lambda p: str(p.relative_to(VECTORS)))
def test_shared_vector(path: Path) -> None:
    vector = json.loads(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(VECTORS))
    assert path.parent.name == vector.get("builder"), f"{where}: lies in the folder of another builder"
    _run(where, vector)


@pytest.mark.parametrize("name", sorted(_OWN_VECTORS))
def test_own_vector(name: str) -> None:
    _run(name, _OWN_VECTORS[name])


def _run(where: str, vector: dict[str, Any]) -> None:
    builder = vector.get("builder")
    if builder not in _BUILDERS:
        pytest.fail(f"{where}: unknown builder {builder!r}")
    if not str(vector.get("description", "")).strip():
        pytest.fail(f"{where}: has no description")
    expect = vector.get("expect")
    if not isinstance(expect, dict) or len(expect) != 1:
        pytest.fail(f"{where}: expect must hold exactly one of json, options, error")
    form = next(iter(expect))
    if form not in ("json", "options", "error"):
        pytest.fail(f"{where}: unknown expect form {form!r}")
    try:
        result = _build(where, builder, vector)
    except ValueError as e:
        _check_error(where, expect, e)
        return
    if form == "error":
        pytest.fail(f"{where}: expected an error but the builder gave {_describe(result)}")
    elif form == "json":
        if not isinstance(result, (ClientRequestProperties, SparkIngestionProperties)):
            pytest.fail(f"{where}: expect.json needs ClientRequestProperties or SparkIngestionProperties")
        actual = result.to_json()
        assert _same(_parse(expect["json"]), _parse(actual)), f"{where}: to_json {actual} means other than {expect['json']}"
        again = type(result).from_json(actual).to_json()
        assert _same(_parse(actual), _parse(again)), f"{where}: from_json(to_json()) gives {again}"
    else:
        if not isinstance(result, (KustoReadOptions, KustoWriteOptions)):
            pytest.fail(f"{where}: expect.options needs KustoReadOptions or KustoWriteOptions")
        actual_options = result.to_options()
        assert _same(expect["options"], actual_options), f"{where}: to_options {actual_options}"


def _check_error(where: str, expect: dict[str, Any], error: ValueError) -> None:
    wanted = expect.get("error")
    if wanted is None:
        raise AssertionError(f"{where}: unexpected error: {error}") from error
    if wanted.get("kind") not in _ERROR_KINDS:
        pytest.fail(f"{where}: unknown error kind {wanted.get('kind')!r}")
    contains = wanted.get("contains")
    if not isinstance(contains, list) or not contains:
        pytest.fail(f"{where}: error.contains must list the option and value the message names")
    message = str(error)
    for part in contains:
        assert part in message, f"{where}: message lacks {part!r}: {message}"
    for part in wanted.get("excludes", []):
        assert part not in message, f"{where}: message shows {part!r}: {message}"


def _build(where: str, builder: str, vector: dict[str, Any]) -> Any:
    if "fromJson" in vector:
        if "steps" in vector:
            pytest.fail(f"{where}: has both steps and fromJson")
        if builder == "ClientRequestProperties":
            return ClientRequestProperties.from_json(vector["fromJson"])
        if builder == "SparkIngestionProperties":
            return SparkIngestionProperties.from_json(vector["fromJson"])
        pytest.fail(f"{where}: {builder} has no from_json")
    steps = vector.get("steps")
    if not isinstance(steps, list):
        pytest.fail(f"{where}: needs steps or fromJson")
    if builder in ("ClientRequestProperties", "SparkIngestionProperties"):
        target = (
            ClientRequestProperties.builder()
            if builder == "ClientRequestProperties"
            else SparkIngestionProperties.builder()
        )
        for step in steps:
            _call(where, target, step)
        return target.build()
    options: Any = KustoReadOptions.create() if builder == "KustoReadOptions" else KustoWriteOptions.create()
    for step in steps:
        options = _call(where, options, step)
    return options


def _call(where: str, target: Any, step: dict[str, Any]) -> Any:
    java_name = step.get("call")
    args = step.get("args", [])
    if not isinstance(java_name, str) or not isinstance(args, list):
        pytest.fail(f"{where}: a step needs a call name and an args array: {step}")
    name = _CAMEL_HUMP.sub("_", java_name).lower()
    method = getattr(target, name, None)
    if name.startswith("_") or not callable(method):
        pytest.fail(f"{where}: {type(target).__name__} has no method {name} (Java {java_name})")
    return method(*(_convert(where, java_name, i, arg) for i, arg in enumerate(args)))


def _convert(where: str, call: str, index: int, arg: Any) -> Any:
    """The neutral argument as the Python parameter's type; text forms of timespans, instants,
    GUIDs and enums are passed as they are, since the builders take them."""
    if call == "realParameter" and index == 1:
        if isinstance(arg, str):
            if arg not in _SPECIAL_REALS:
                pytest.fail(f"{where}: {arg!r} is not a neutral real")
            return _SPECIAL_REALS[arg]
        return float(arg)
    if call == "csvMapping" and isinstance(arg, list):
        return [_mapping(where, entry) for entry in arg]
    if call == "clientRequestProperties":
        return ClientRequestProperties.from_json(arg)
    if call == "sparkIngestionProperties":
        return SparkIngestionProperties.from_json(arg)
    return arg


def _mapping(where: str, entry: dict[str, Any]) -> CsvColumnMapping:
    unknown = set(entry) - {"Name", "Ordinal", "ConstValue", "DataType"}
    if unknown:
        pytest.fail(f"{where}: unknown csv mapping fields {sorted(unknown)}")
    if ("Ordinal" in entry) == ("ConstValue" in entry):
        pytest.fail(f"{where}: a csv mapping entry needs exactly one of Ordinal and ConstValue")
    name: Any = entry.get("Name")
    if "Ordinal" in entry:
        mapping = CsvColumnMapping.of_ordinal(name, entry["Ordinal"])
    else:
        mapping = CsvColumnMapping.of_constant(name, entry["ConstValue"])
    return mapping.with_data_type(entry["DataType"]) if "DataType" in entry else mapping


def _describe(result: Any) -> str:
    if isinstance(result, (KustoReadOptions, KustoWriteOptions)):
        return str(result.to_options())
    return str(result.to_json())


# ---- comparison by meaning (test-matrix/README.md)

_INSTANT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})")
_LITERAL = re.compile(r"([a-z]+)\((.*)\)", re.DOTALL)


def _parse(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def _same(expected: Any, actual: Any) -> bool:
    """Equal as JSON values: objects as maps, numbers by value, instants as instants, CSL literals and
    strings holding JSON by what they hold."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(_same(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(_same, expected, actual))
    if isinstance(expected, str) and isinstance(actual, str):
        return expected == actual or _same_text(expected, actual)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, (int, Decimal)) and isinstance(actual, (int, Decimal)):
        return Decimal(expected) == Decimal(actual)
    return bool(expected == actual)


def _same_text(expected: str, actual: str) -> bool:
    instants = [_instant(expected), _instant(actual)]
    if None not in instants:
        return instants[0] == instants[1]
    literals = [_LITERAL.fullmatch(expected), _LITERAL.fullmatch(actual)]
    if literals[0] and literals[1] and literals[0].group(1) == literals[1].group(1):
        inner = literals[0].group(2), literals[1].group(2)
        numbers = [_number(t) for t in inner]
        if None not in numbers:
            return numbers[0] == numbers[1]
        return _same(*map(_parse, inner)) if literals[0].group(1) == "dynamic" else _same_text(*inner)
    if expected[:1] in ("[", "{") and actual[:1] in ("[", "{"):
        try:
            return _same(_parse(expected), _parse(actual))
        except ValueError:
            return False
    return False


def _instant(text: str) -> tuple[datetime, Decimal] | None:
    m = _INSTANT.fullmatch(text)
    if not m:
        return None
    zone = "+00:00" if m.group(3) == "Z" else m.group(3)
    return datetime.fromisoformat(m.group(1) + zone).astimezone(timezone.utc), Decimal(m.group(2) or "0")


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text not in ("nan", "+inf", "-inf") else None
    except InvalidOperation:
        return None
