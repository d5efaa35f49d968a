"""The examples in the builders' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

_MODULES = [
    "kusto_spark.errors",
    "kusto_spark.enums",
    "kusto_spark.client_request_properties",
    "kusto_spark.ingestion_properties",
    "kusto_spark.options",
    "kusto_spark.outcomes",
]


@pytest.mark.parametrize("name", _MODULES)
def test_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed"
