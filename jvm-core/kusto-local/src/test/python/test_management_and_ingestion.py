"""Management commands through execute_mgmt, and streaming ingestion through azure-kusto-ingest."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from azure.kusto.data import KustoClient
from azure.kusto.data._models import WellKnownDataSet
from azure.kusto.data.data_format import DataFormat, IngestionMappingKind
from azure.kusto.data.exceptions import KustoApiError
from azure.kusto.ingest import IngestionProperties, KustoStreamingIngestClient, StreamDescriptor

from conftest import DATABASE


def mgmt_rows(client: KustoClient, command: str) -> list[dict]:
    table = client.execute_mgmt(DATABASE, command).primary_results[0]
    names = [c.column_name for c in table.columns]
    return [dict(zip(names, row)) for row in table]


def query_rows(client: KustoClient, query: str) -> list[list]:
    return [list(row) for row in client.execute(DATABASE, query).primary_results[0]]


def streaming_table(client: KustoClient, name: str, schema: str) -> None:
    client.execute_mgmt(DATABASE, f".create table {name} {schema}")
    client.execute_mgmt(DATABASE, f".alter table {name} policy streamingingestion enable")


def test_show_version_and_databases(client: KustoClient) -> None:
    version = mgmt_rows(client, ".show version")
    assert version[0]["ServiceType"] == "Engine"
    assert DATABASE in [row["DatabaseName"] for row in mgmt_rows(client, ".show databases")]


def test_create_show_schema_and_drop(client: KustoClient) -> None:
    created = mgmt_rows(client, ".create table PyMgmt (a:int, b:string)")
    assert created[0]["TableName"] == "PyMgmt"
    schema = json.loads(mgmt_rows(client, ".show table PyMgmt schema as json")[0]["Schema"])
    assert [(c["Name"], c["CslType"]) for c in schema["OrderedColumns"]] == [("a", "int"), ("b", "string")]
    assert "PyMgmt" in [row["TableName"] for row in mgmt_rows(client, ".show tables")]
    counted = mgmt_rows(client, ".show tables | where TableName == 'PyMgmt' | count")
    assert counted == [{"Count": 1}]
    client.execute_mgmt(DATABASE, ".drop table PyMgmt")
    assert "PyMgmt" not in [row["TableName"] for row in mgmt_rows(client, ".show tables")]


def test_command_piped_into_a_query_answers_in_the_shape_of_a_query(client: KustoClient) -> None:
    # As the service answers (the SDK's own test of an admin command followed by a query): the
    # primary result, the query properties, the query status and the table of contents.
    client.execute_mgmt(DATABASE, ".create table PyPiped (a:int)")
    response = client.execute_mgmt(DATABASE, ".show tables | where TableName == 'PyPiped' | project TableName")
    assert [t.table_kind for t in response] == [WellKnownDataSet.PrimaryResult, WellKnownDataSet.QueryProperties,
                                                WellKnownDataSet.QueryCompletionInformation,
                                                WellKnownDataSet.TableOfContents]
    assert [list(row) for row in response.primary_results[0]] == [["PyPiped"]]
    assert response.errors_count == 0
    # A command on its own keeps the command's shape: its result only.
    assert len(client.execute_mgmt(DATABASE, ".show tables")) == 1
    client.execute_mgmt(DATABASE, ".drop table PyPiped")


def test_set_or_append_with_tags_shows_in_extents(client: KustoClient) -> None:
    client.execute_mgmt(DATABASE, ".set-or-append PyAppended with (tags='[\"drop-by:py\"]') <| range x from 1 to 3 step 1")
    assert query_rows(client, "PyAppended | count") == [[3]]
    extents = mgmt_rows(client, ".show table PyAppended extents")
    assert len(extents) == 1
    assert extents[0]["Tags"] == "drop-by:py"
    assert extents[0]["RowCount"] == 3


def test_unknown_table_in_command_is_an_api_error(client: KustoClient) -> None:
    with pytest.raises(KustoApiError) as error:
        client.execute_mgmt(DATABASE, ".drop table NoSuchPyTable")
    assert "NoSuchPyTable" in error.value.get_api_error().description


def test_streaming_csv(client: KustoClient, ingest_client: KustoStreamingIngestClient) -> None:
    streaming_table(client, "PyCsv", "(Id:long, Name:string)")
    properties = IngestionProperties(database=DATABASE, table="PyCsv", data_format=DataFormat.CSV)
    ingest_client.ingest_from_stream(io.BytesIO(b"1,one\n2,\"two, too\"\n"), ingestion_properties=properties)
    assert query_rows(client, "PyCsv | sort by Id asc") == [[1, "one"], [2, "two, too"]]


def test_streaming_gzip_csv(client: KustoClient, ingest_client: KustoStreamingIngestClient) -> None:
    streaming_table(client, "PyGz", "(Id:long)")
    properties = IngestionProperties(database=DATABASE, table="PyGz", data_format=DataFormat.CSV)
    descriptor = StreamDescriptor(io.BytesIO(gzip.compress(b"7\n8\n")), is_compressed=True)
    ingest_client.ingest_from_stream(descriptor, ingestion_properties=properties)
    assert query_rows(client, "PyGz | sort by Id asc") == [[7], [8]]


def test_streaming_json_with_mapping(client: KustoClient, ingest_client: KustoStreamingIngestClient) -> None:
    # Streaming requests carry a mapping name only, so the mapping is created on the table first.
    streaming_table(client, "PyJson", "(Name:string, Age:long)")
    client.execute_mgmt(DATABASE, ".create table PyJson ingestion json mapping 'pymap' "
                                  "'[{\"column\":\"Name\",\"path\":\"$.name\"},{\"column\":\"Age\",\"path\":\"$.age\"}]'")
    properties = IngestionProperties(
        database=DATABASE, table="PyJson", data_format=DataFormat.JSON,
        ingestion_mapping_reference="pymap", ingestion_mapping_kind=IngestionMappingKind.JSON)
    ingest_client.ingest_from_stream(io.BytesIO(b'{"name":"Ann","age":30}\n{"name":"Bob","age":null}\n'),
                                     ingestion_properties=properties)
    assert query_rows(client, "PyJson | sort by Name asc") == [["Ann", 30], ["Bob", None]]
