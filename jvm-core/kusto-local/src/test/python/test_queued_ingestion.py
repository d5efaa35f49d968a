"""Queued ingestion through the Python SDK's QueuedIngestClient, against a kusto-local started with Azurite."""

from __future__ import annotations

import gzip
import io
import subprocess
import time
import uuid
from typing import Iterator

import pytest
from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
from azure.kusto.data.data_format import DataFormat
from azure.kusto.data.exceptions import KustoServiceError
from azure.kusto.ingest import (BlobDescriptor, IngestionProperties, KustoStreamingIngestClient, QueuedIngestClient,
                                ReportLevel, ReportMethod, StreamDescriptor)
from azure.kusto.ingest.status import KustoIngestStatusQueues

from azure.storage.blob import ContainerClient

from conftest import DATABASE, MODULE_DIR, running_server

DEADLINE_SECONDS = 60


@pytest.fixture(scope="module")
def azurite_server_url() -> Iterator[str]:
    """A kusto-local of its own with --with-azurite (Azurite installed by the project's script)."""
    script = MODULE_DIR.parents[1] / "scripts" / "azurite-env.sh"
    home = subprocess.run(["bash", str(script)], check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with running_server("--with-azurite", "--azurite-home", home) as url:
        yield url


def test_queued_csv_reports_success_on_the_queue_with_tags(azurite_server_url: str) -> None:
    kcsb = KustoConnectionStringBuilder.with_no_authentication(azurite_server_url)
    client = KustoClient(kcsb)
    ingest = QueuedIngestClient(kcsb)
    try:
        client.execute_mgmt(DATABASE, ".create table PyQueued (a:int, b:string)")
        props = IngestionProperties(DATABASE, "PyQueued", data_format=DataFormat.CSV,
                                    report_level=ReportLevel.FailuresAndSuccesses, report_method=ReportMethod.Queue,
                                    additional_tags=["t1"], ingest_by_tags=["py"])
        ingest.ingest_from_stream(StreamDescriptor(io.BytesIO(b"1,x\n2,y\n")), props)
        status = KustoIngestStatusQueues(ingest)
        deadline = time.monotonic() + DEADLINE_SECONDS
        outcome = None
        while outcome is None and time.monotonic() < deadline:
            if not status.success.is_empty():
                outcome = ("success", status.success.pop()[0])
            elif not status.failure.is_empty():
                outcome = ("failure", status.failure.pop()[0])
            else:
                time.sleep(0.05)
        assert outcome is not None and outcome[0] == "success", outcome
        assert outcome[1].Table == "PyQueued"
        count = client.execute(DATABASE, "PyQueued | count").primary_results[0][0]["Count"]
        assert count == 2
        tags = client.execute_mgmt(DATABASE, ".show table PyQueued extents").primary_results[0][0]["Tags"]
        assert set(tags.split("\r\n")) == {"t1", "ingest-by:py"}
    finally:
        ingest.close()
        client.close()


def test_streaming_ingestion_from_a_blob_reads_the_blob_the_request_names(azurite_server_url: str) -> None:
    kcsb = KustoConnectionStringBuilder.with_no_authentication(azurite_server_url)
    client = KustoClient(kcsb)
    streaming = KustoStreamingIngestClient(kcsb)
    try:
        client.execute_mgmt(DATABASE, ".create table PyFromBlob (a:int, b:string)")
        resources = client.execute_mgmt(DATABASE, ".get ingestion resources").primary_results[0]
        container_url = next(r["StorageRoot"] for r in resources if r["ResourceTypeName"] == "TempStorage")
        container = ContainerClient.from_container_url(container_url)
        blob = container.upload_blob(f"from-blob-{uuid.uuid4()}.csv.gz", gzip.compress(b"1,x\n2,y\n"))
        props = IngestionProperties(DATABASE, "PyFromBlob", data_format=DataFormat.CSV)
        streaming.ingest_from_blob(BlobDescriptor(blob.url), props)
        rows = client.execute(DATABASE, "PyFromBlob | order by a asc").primary_results[0]
        assert [(r["a"], r["b"]) for r in rows] == [(1, "x"), (2, "y")]

        # A blob that is not there fails the request, named without its SAS, and adds nothing.
        absent = container.get_blob_client("absent.csv").url
        with pytest.raises(KustoServiceError) as failure:
            streaming.ingest_from_blob(BlobDescriptor(absent), props)
        assert "absent.csv" in str(failure.value) and "sig=" not in str(failure.value)
        assert client.execute(DATABASE, "PyFromBlob | count").primary_results[0][0]["Count"] == 2
    finally:
        streaming.close()
        client.close()
