"""The established connector's three Synapse snippets, kept as written except for their ``sc._jvm``
lines, which the typed builders replace.

The builders answer ``toString()`` as the JVM objects do, so ``crp.toString()`` and ``sp.toString()``
stay; the SDK object's ``crp.setOption("norequesttimeout", True)`` becomes a builder call of the line
that replaces ``sc._jvm``. The placeholders (``<linked service name>``...) are filled in. The linked
service is a profile in the Spark conf.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Iterator

import pytest
from _support import DATABASE, classic_session, unique_table
from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
from pyspark.sql import SparkSession

from kusto_spark import ClientRequestProperties, CsvColumnMapping, SparkIngestionProperties

LINKED_SERVICE = "kustoLocal"


@pytest.fixture(scope="module")
def spark(kusto_url: str) -> Iterator[SparkSession]:
    profile = f"spark.kusto.linkedService.{LINKED_SERVICE}"
    with classic_session(conf={f"{profile}.cluster": kusto_url, f"{profile}.database": DATABASE}) as session:
        yield session


@pytest.fixture(scope="module")
def kusto(kusto_url: str) -> Iterator[KustoClient]:
    client = KustoClient(KustoConnectionStringBuilder.with_no_authentication(kusto_url))
    yield client
    client.close()


@pytest.fixture(scope="module")
def source_table(kusto: KustoClient) -> str:
    table = unique_table("Snippet")
    kusto.execute_mgmt(DATABASE, f".set {table} <| range x from 1 to 300 step 1 | extend s = strcat('v', x)")
    return table


def test_read_snippet(spark: SparkSession, source_table: str) -> None:
    query = f"{source_table} | where x > 100"

    kustoDf = spark.read \
        .format("com.microsoft.kusto.spark.synapse.datasource") \
        .option("spark.synapse.linkedService", LINKED_SERVICE) \
        .option("kustoDatabase", DATABASE) \
        .option("kustoQuery", query) \
        .load()

    rows = kustoDf.collect()
    assert sorted(r.x for r in rows) == list(range(101, 301))
    assert all(r.s == f"v{r.x}" for r in rows)


def test_distributed_read_snippet_with_client_request_properties(spark: SparkSession, source_table: str) -> None:
    query = f"{source_table} | where x > 100"

    crp = ClientRequestProperties.builder().no_request_timeout(True).build()
    crp.toString()
    kustoDf = spark.read \
        .format("com.microsoft.kusto.spark.synapse.datasource") \
        .option("spark.synapse.linkedService", LINKED_SERVICE) \
        .option("kustoDatabase", DATABASE) \
        .option("kustoQuery", query) \
        .option("clientRequestPropertiesJson", crp.toString()) \
        .option("readMode", 'ForceDistributedMode') \
        .load()

    assert crp.toString() == crp.to_json() == '{"Options":{"norequesttimeout":true},"Parameters":{}}'
    rows = kustoDf.collect()
    assert sorted(r.x for r in rows) == list(range(101, 301))


def test_write_snippet_with_ingestion_properties(spark: SparkSession, kusto: KustoClient) -> None:
    table = unique_table("SnippetWrite")
    df = spark.sql("SELECT id AS ColA, concat('v', CAST(id AS STRING)) AS ColB FROM range(0, 100, 1, 3)")

    extentsCreationTime = datetime.now(timezone.utc) + timedelta(days=1)
    csvMap = "[{\"Name\":\"ColA\",\"Ordinal\":0},{\"Name\":\"ColB\",\"Ordinal\":1}]"
    sp = SparkIngestionProperties.builder() \
        .flush_immediately(False).drop_by_tags(["dropByTags"]).ingest_by_tags(["ingestByTags"]) \
        .additional_tags(["tags"]).ingest_if_not_exists(["ingestIfNotExistsTags"]) \
        .creation_time(extentsCreationTime) \
        .csv_mapping([CsvColumnMapping.of_ordinal(c["Name"], c["Ordinal"]) for c in json.loads(csvMap)]) \
        .build()
    df.write \
        .format("com.microsoft.kusto.spark.synapse.datasource") \
        .option("spark.synapse.linkedService", LINKED_SERVICE) \
        .option("kustoDatabase", DATABASE) \
        .option("kustoTable", table) \
        .option("sparkIngestionPropertiesJson", sp.toString()) \
        .option("tableCreateOptions","CreateIfNotExist") \
        .mode("Append") \
        .save()

    rows = kusto.execute_query(DATABASE, f"{table} | order by ColA asc").primary_results[0]
    assert [(r["ColA"], r["ColB"]) for r in rows] == [(i, f"v{i}") for i in range(100)]
    extents = kusto.execute_mgmt(DATABASE, f".show table {table} extents").primary_results[0]
    tags = {tag for extent in extents for tag in (extent["Tags"] or "").split()}
    assert {"drop-by:dropByTags", "ingest-by:ingestByTags", "tags"} <= tags
