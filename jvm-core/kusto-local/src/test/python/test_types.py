"""Every Kusto type, with nulls, as the Python SDK converts it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from azure.kusto.data import KustoClient

from conftest import DATABASE

GUID = "74be27de-1e4e-49d9-b579-fe0b331d3642"
ALL_TYPES = ["bool", "int", "long", "real", "decimal", "string", "datetime", "timespan", "guid", "dynamic"]


@pytest.fixture(scope="module")
def typed_table(client: KustoClient) -> str:
    client.execute_mgmt(DATABASE, ".create table PyTypes (Key:int, B:bool, I:int, L:long, R:real, D:decimal, "
                                  "S:string, Dt:datetime, Ts:timespan, G:guid, Dyn:dynamic)")
    client.execute_mgmt(DATABASE, ".ingest inline into table PyTypes <|\n"
                                  f"1,true,-42,9007199254740993,1.5,1.10,hello,2024-01-02T03:04:05.123456Z,"
                                  f"1.02:03:04.5000000,{GUID},\"{{\"\"a\"\":[1,2]}}\"\n"
                                  "2,,,,,,,,,,")
    return "PyTypes"


def test_stored_values(client: KustoClient, typed_table: str) -> None:
    table = client.execute(DATABASE, f"{typed_table} | where Key == 1 | project-away Key").primary_results[0]
    assert [c.column_type for c in table.columns] == ALL_TYPES
    row = list(table.rows[0])
    assert row[0] is True
    assert row[1] == -42
    assert row[2] == 9007199254740993
    assert row[3] == 1.5
    assert row[4] == Decimal("1.10")
    assert row[5] == "hello"
    assert row[6] == dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.timezone.utc)
    assert row[7] == dt.timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=500)
    assert row[8] == GUID
    assert row[9] == {"a": [1, 2]}


def test_stored_nulls(client: KustoClient, typed_table: str) -> None:
    table = client.execute(DATABASE, f"{typed_table} | where Key == 2 | project-away Key").primary_results[0]
    row = list(table.rows[0])
    # Strings have no null in Kusto: an empty field is the empty string.
    assert row == [None, None, None, None, None, "", None, None, None, None]


def test_literals(client: KustoClient) -> None:
    table = client.execute(DATABASE, "print true, int(7), 123456789012, 2.25, decimal(3.14), 'it\\'s', "
                                     "datetime(2020-02-29 23:59:59.5), time(-1.00:00:02), "
                                     f"guid({GUID}), dynamic([1, 'x', null])").primary_results[0]
    assert [c.column_type for c in table.columns] == ALL_TYPES
    assert list(table.rows[0]) == [
        True, 7, 123456789012, 2.25, Decimal("3.14"), "it's",
        dt.datetime(2020, 2, 29, 23, 59, 59, 500000, tzinfo=dt.timezone.utc),
        -dt.timedelta(days=1, seconds=2), GUID, [1, "x", None]]


def test_null_literals(client: KustoClient) -> None:
    table = client.execute(DATABASE, "print bool(null), datetime(null), dynamic(null), guid(null), int(null), "
                                     "long(null), real(null), timespan(null), decimal(null)").primary_results[0]
    assert list(table.rows[0]) == [None] * 9


def test_datetime_and_timespan_arithmetic(client: KustoClient) -> None:
    table = client.execute(DATABASE, "print datetime(2024-01-01) + 1d + 6h, "
                                     "datetime(2024-01-02 06:00) - datetime(2024-01-01), 1d / 1h").primary_results[0]
    assert list(table.rows[0]) == [dt.datetime(2024, 1, 2, 6, tzinfo=dt.timezone.utc),
                                   dt.timedelta(days=1, hours=6), 24.0]
