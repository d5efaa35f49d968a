"""One kusto-local server per pytest session, started from the built jar, and clients of the official SDK."""

from __future__ import annotations

import contextlib
import glob
import os
import sys
from pathlib import Path
from typing import Iterator

import pytest
from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
from azure.kusto.ingest import KustoStreamingIngestClient

MODULE_DIR = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(MODULE_DIR.parents[1] / "scripts" / "python"))
from server_process import running_process  # noqa: E402  (the project's shared test helper)

DATABASE = "db1"
READY_PREFIX = "kusto-local listening on "


def _server_command() -> list[str]:
    target = MODULE_DIR / "target"
    jars = [j for j in glob.glob(str(target / "kusto-local-*.jar")) if not j.endswith(("-sources.jar", "-tests.jar"))]
    classpath_file = target / "runtime-classpath.txt"
    if not jars or not classpath_file.exists():
        raise RuntimeError(f"kusto-local is not built: run 'mvn -pl jvm-core/kusto-local package' ({target})")
    classpath = jars[0] + os.pathsep + classpath_file.read_text().strip()
    return ["java", "-cp", classpath, "dev.kustospark.local.KustoLocalMain",
            "--port", "0", "--in-memory", "--database", DATABASE]


def running_server(*extra_args: str) -> contextlib.AbstractContextManager[str]:
    """Starts kusto-local with the given extra arguments and yields its URL; stops it on exit."""
    return running_process(_server_command() + list(extra_args), READY_PREFIX)


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The URL of a kusto-local started for this session (or KUSTO_LOCAL_URL, if given)."""
    existing = os.environ.get("KUSTO_LOCAL_URL")
    if existing:
        yield existing
        return
    # The session's tests need no storage; test_queued_ingestion starts a server of its own with it.
    with running_server("--no-storage") as url:
        yield url


@pytest.fixture(scope="session")
def client(server_url: str) -> Iterator[KustoClient]:
    kusto = KustoClient(KustoConnectionStringBuilder.with_no_authentication(server_url))
    yield kusto
    kusto.close()


@pytest.fixture(scope="session")
def ingest_client(server_url: str) -> Iterator[KustoStreamingIngestClient]:
    ingest = KustoStreamingIngestClient(KustoConnectionStringBuilder.with_no_authentication(server_url))
    yield ingest
    ingest.close()
