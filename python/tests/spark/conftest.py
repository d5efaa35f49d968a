"""Fixtures of the Spark tests: one kusto-local (with Azurite) per pytest session."""

from __future__ import annotations

import os
from typing import Iterator

import pytest
from _support import DATABASE, connector_jar, running_kusto_local

# The package finds the jar through KUSTO_SPARK_JAR when it is not installed from the wheel.
os.environ["KUSTO_SPARK_JAR"] = connector_jar()


@pytest.fixture(scope="session")
def kusto_url() -> Iterator[str]:
    """A kusto-local with Azurite (queued ingestion, exports) for this session."""
    with running_kusto_local("--with-azurite") as url:
        yield url


@pytest.fixture(scope="session")
def database() -> str:
    return DATABASE
