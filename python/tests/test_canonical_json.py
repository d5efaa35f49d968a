"""The shared canonical JSON cases (``testdata/canonical-json``): ``from_json(input).to_json()`` and
``from_json(canonical).to_json()`` both equal ``canonical`` byte for byte."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from _paths import CANONICAL_JSON

from kusto_spark.client_request_properties import ClientRequestProperties
from kusto_spark.ingestion_properties import SparkIngestionProperties

_PARSERS: dict[str, Callable[[str], Any]] = {
    "client-request-properties.json": ClientRequestProperties.from_json,
    "spark-ingestion-properties.json": SparkIngestionProperties.from_json,
}


def _cases() -> list[Any]:
    cases = []
    for file_name, parse in _PARSERS.items():
        for case in json.loads((CANONICAL_JSON / file_name).read_text(encoding="utf-8")):
            cases.append(pytest.param(parse, case, id=f"{file_name}:{case['name']}"))
    return cases


def test_every_case_file_is_covered() -> None:
    assert sorted(p.name for p in CANONICAL_JSON.glob("*.json")) == sorted(_PARSERS)


@pytest.mark.parametrize(("parse", "case"), _cases())
def test_input_reads_to_the_canonical_json(parse: Callable[[str], Any], case: dict[str, str]) -> None:
    assert parse(case["input"]).to_json() == case["canonical"]


@pytest.mark.parametrize(("parse", "case"), _cases())
def test_canonical_json_reads_back_unchanged(parse: Callable[[str], Any], case: dict[str, str]) -> None:
    assert parse(case["canonical"]).to_json() == case["canonical"]
