"""Queries through azure-kusto-data: operators, functions, parameters, options, streaming, errors."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
from azure.kusto.data import ClientRequestProperties, KustoClient
from azure.kusto.data.exceptions import KustoApiError, KustoMultiApiError, KustoServiceError

from conftest import DATABASE


@pytest.fixture(scope="module")
def sales(client: KustoClient) -> str:
    client.execute_mgmt(DATABASE, ".create table PySales (Id:int, Region:string, Amount:long)")
    client.execute_mgmt(DATABASE, ".ingest inline into table PySales <|\n"
                                  "1,North America,10\n2,Europe,5\n3,North America,7\n4,Asia,\n5,Europe,3")
    return "PySales"


def rows(client: KustoClient, query: str, properties: ClientRequestProperties | None = None) -> list[list]:
    table = client.execute(DATABASE, query, properties).primary_results[0]
    return [list(row) for row in table]


def scalar(client: KustoClient, query: str):
    result = rows(client, query)
    assert len(result) == 1 and len(result[0]) == 1, result
    return result[0][0]


def test_where_project_sort(client: KustoClient, sales: str) -> None:
    assert rows(client, f"{sales} | where Amount > 4 | project Id | sort by Id asc") == [[1], [2], [3]]
    # Descending is the default sort order, and nulls go last in it.
    assert [r[0] for r in rows(client, f"{sales} | sort by Amount | project Amount")] == [10, 7, 5, 3, None]


def test_summarize_names_and_values(client: KustoClient, sales: str) -> None:
    table = client.execute(DATABASE, f"{sales} | summarize count(), sum(Amount), avg(Amount) by Region "
                                     "| sort by Region asc").primary_results[0]
    assert [c.column_name for c in table.columns] == ["Region", "count_", "sum_Amount", "avg_Amount"]
    assert [c.column_type for c in table.columns] == ["string", "long", "long", "real"]
    by_region = {row["Region"]: row for row in table}
    assert by_region["Europe"]["count_"] == 2
    assert by_region["Europe"]["sum_Amount"] == 8
    assert by_region["North America"]["avg_Amount"] == 8.5


def test_join_default_is_innerunique(client: KustoClient, sales: str) -> None:
    query = (f"{sales} | project Region | join (datatable(Region:string, Zone:string)"
             "['Europe', 'a', 'Europe', 'b', 'North America', 'c']) on Region | count")
    assert scalar(client, query) == 3


def test_string_operators_and_functions(client: KustoClient) -> None:
    result = rows(client, "print 'Hello World' has 'world', 'Northern' has 'north', 'abc' =~ 'ABC', "
                          "'abc' == 'ABC', strlen('hello'), toupper('a'), substring('123456', 2, 2), "
                          "strcat('a', 1), extract('x=([0-9]+)', 1, 'x=42')")
    assert result == [[True, False, True, False, 5, "A", "34", "a1", "42"]]


def test_integer_division_and_null_propagation(client: KustoClient) -> None:
    assert rows(client, "print 7 / 2, -7 / 2, 7 / 2.0, long(null) + 1") == [[3, -3, 3.5, None]]


def test_print_default_column_names(client: KustoClient) -> None:
    table = client.execute(DATABASE, "print 1, x = 2, 3").primary_results[0]
    assert [c.column_name for c in table.columns] == ["print_0", "x", "print_2"]


def test_query_parameters(client: KustoClient, sales: str) -> None:
    properties = ClientRequestProperties()
    properties.set_parameter("minAmount", "6")
    properties.set_parameter("region", "North America")
    query = (f"declare query_parameters(minAmount:long, region:string);\n"
             f"{sales} | where Amount >= minAmount and Region == region | project Id | sort by Id asc")
    assert rows(client, query, properties) == [[1], [3]]


def test_string_parameter_is_a_value_not_query_text(client: KustoClient) -> None:
    properties = ClientRequestProperties()
    properties.set_parameter("s", "x' | take 0 //")
    assert rows(client, "declare query_parameters(s:string); print s", properties) == [["x' | take 0 //"]]


def test_server_timeout_option(client: KustoClient) -> None:
    properties = ClientRequestProperties()
    # The SDK wants a timedelta here and sends it as str(timedelta), e.g. "0:02:00".
    properties.set_option(ClientRequestProperties.request_timeout_option_name, timedelta(minutes=2))
    assert rows(client, "print 1", properties) == [[1]]


def test_truncation_max_records(client: KustoClient) -> None:
    properties = ClientRequestProperties()
    properties.set_option("truncationmaxrecords", 2)
    with pytest.raises(KustoServiceError) as error:
        client.execute(DATABASE, "range x from 1 to 5 step 1", properties)
    assert "E_QUERY_RESULT_SET_TOO_LARGE" in str(error.value)
    # A partial query failure, which the service marks as not permanent.
    assert isinstance(error.value, KustoMultiApiError)
    assert [e.permanent for e in error.value.get_api_errors()] == [False]
    properties.set_option("notruncation", True)
    assert len(rows(client, "range x from 1 to 5 step 1", properties)) == 5


def test_deferred_partial_failure_returns_the_rows_and_counts_the_error(client: KustoClient) -> None:
    properties = ClientRequestProperties()
    properties.set_option("truncationmaxrecords", 2)
    properties.set_option(ClientRequestProperties.results_defer_partial_query_failures_option_name, True)
    response = client.execute(DATABASE, "range x from 1 to 5 step 1", properties)
    assert [list(row) for row in response.primary_results[0]] == [[1], [2]]
    assert response.errors_count == 1
    assert "E_QUERY_RESULT_SET_TOO_LARGE" in response.get_exceptions()[0]
    streamed = client.execute_streaming_query(DATABASE, "range x from 1 to 5 step 1", properties=properties)
    assert [[list(row) for row in table] for table in streamed.iter_primary_results()] == [[[1], [2]]]
    list(streamed)  # the completion information follows the rows
    assert streamed.errors_count == 1


def test_streaming_query(client: KustoClient) -> None:
    dataset = client.execute_streaming_query(DATABASE, "range x from 1 to 3 step 1 | extend y = tostring(x)")
    # Each streamed table must be read to its end before the next one is requested.
    tables = [[list(row) for row in table] for table in dataset.iter_primary_results()]
    assert tables == [[[1, "1"], [2, "2"], [3, "3"]]]


def test_syntax_error_is_a_kusto_api_error_with_position(client: KustoClient) -> None:
    with pytest.raises(KustoApiError) as error:
        client.execute(DATABASE, "print 1 +")
    api_error = error.value.get_api_error()
    assert api_error.code == "BadRequest_SyntaxError"
    assert "line:position=1:" in api_error.description
    assert api_error.permanent is True


def test_unknown_table_error_names_the_table(client: KustoClient) -> None:
    with pytest.raises(KustoApiError) as error:
        client.execute(DATABASE, "NoSuchPyTable | take 1")
    assert "NoSuchPyTable" in error.value.get_api_error().description


def test_unsupported_operator_fails_naming_it(client: KustoClient) -> None:
    with pytest.raises(KustoApiError) as error:
        client.execute(DATABASE, "print x = 1 | evaluate bag_unpack(x)")
    assert "evaluate" in error.value.get_api_error().description


def test_dynamic_property_and_index_access(client: KustoClient) -> None:
    result = rows(client, "print d = parse_json('{\"a\":{\"b\":[10,20,30]},\"n\":\"x\"}') "
                          "| project whole = d.a, second = toint(d.a.b[1]), name = tostring(d['n'])")
    assert result == [[{"b": [10, 20, 30]}, 20, "x"]]


def test_datetime_functions(client: KustoClient) -> None:
    # Values from the Kusto documentation pages "datetime_diff()" and "format_datetime()".
    result = rows(client, "print datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31)), "
                          "datetime_diff('day', datetime(2017-10-29 00:00), datetime(2017-09-30 23:59)), "
                          "format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [HH:mm:ss]'), "
                          "startofmonth(datetime(2017-01-04 10:10:17)), dayofweek(datetime(2015-12-14))")
    assert result == [[17, 29, "17-01-29 [09:00:05]",
                       dt.datetime(2017, 1, 1, tzinfo=dt.timezone.utc), dt.timedelta(days=1)]]


def test_execute_routes_commands_by_their_leading_dot(client: KustoClient) -> None:
    table = client.execute(DATABASE, ".show version").primary_results[0]
    assert "BuildVersion" in [c.column_name for c in table.columns]
