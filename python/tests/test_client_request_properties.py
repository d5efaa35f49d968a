"""ClientRequestProperties from Python values: timedelta, datetime, text with 100-ns ticks, and the
errors a Python caller gets."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from kusto_spark.client_request_properties import ClientRequestProperties
from kusto_spark.errors import KustoOptionError


def test_timedelta_and_aware_datetime_options() -> None:
    crp = (
        ClientRequestProperties.builder()
        .server_timeout(timedelta(hours=1, microseconds=5))
        .query_datetime_scope_from(datetime(2024, 1, 2, 5, 4, 5, 123456, tzinfo=timezone(timedelta(hours=2))))
        .query_datetime_scope_to("2024-02-01T00:00:00.1234567Z")
        .query_results_cache_max_age(timedelta(days=2, hours=3))
        .build()
    )
    assert crp.to_json() == (
        '{"Options":{"servertimeout":"01:00:00.0000050",'
        '"query_datetimescope_from":"2024-01-02T03:04:05.1234560Z",'
        '"query_datetimescope_to":"2024-02-01T00:00:00.1234567Z",'
        '"query_results_cache_max_age":"2.03:00:00"},"Parameters":{}}'
    )


def test_a_naive_datetime_is_refused_naming_the_option() -> None:
    with pytest.raises(KustoOptionError, match="query_datetimescope_from is a naive datetime"):
        ClientRequestProperties.builder().query_datetime_scope_from(datetime(2024, 1, 2))


def test_text_finer_than_a_tick_is_refused_not_rounded() -> None:
    with pytest.raises(KustoOptionError, match=r"2024-01-02T03:04:05.12345678Z' is finer than Kusto's 100-nanosecond"):
        ClientRequestProperties.builder().datetime_parameter("t", "2024-01-02T03:04:05.12345678Z")


def test_every_parameter_type() -> None:
    crp = (
        ClientRequestProperties.builder()
        .string_parameter("s", "it's")
        .long_parameter("n", -(2**63))
        .real_parameter("r", 2)
        .bool_parameter("b", False)
        .datetime_parameter("d", datetime(2024, 1, 2, tzinfo=timezone.utc))
        .timespan_parameter("t", timedelta(seconds=-1.5))
        .guid_parameter("g", uuid.UUID("1B4E28BA-2FA1-11D2-883F-0016D3CCA427"))
        .dynamic_parameter("y", '{ "a": [1, 2.50] }')
        .build()
    )
    assert dict(crp.parameters) == {
        "b": "bool(false)",
        "d": "datetime(2024-01-02T00:00:00.0000000Z)",
        "g": "guid(1b4e28ba-2fa1-11d2-883f-0016d3cca427)",
        "n": "long(-9223372036854775808)",
        "r": "real(2.0)",
        "s": "it's",
        "t": "time(-00:00:01.5000000)",
        "y": 'dynamic({"a":[1,2.50]})',
    }
    assert list(crp.parameters) == sorted(crp.parameters)


def test_options_keep_canonical_order_and_python_types() -> None:
    crp = (
        ClientRequestProperties.builder()
        .option("zz", 1.5)
        .client_request_id("id-1")
        .option("NoTruncation", "TRUE")
        .option("aa", 7)
        .build()
    )
    assert list(crp.options.items()) == [("notruncation", True), ("client_request_id", "id-1"), ("aa", 7),
                                         ("zz", Decimal("1.5"))]  # fmt: skip
    assert crp.option("notruncation") is True


def test_to_builder_derives_a_copy_and_leaves_the_original() -> None:
    original = ClientRequestProperties.builder().request_app_name("etl").build()
    changed = original.to_builder().request_readonly(True).build()
    assert original.to_json() == '{"Options":{"request_app_name":"etl"},"Parameters":{}}'
    assert changed.to_json() == '{"Options":{"request_app_name":"etl","request_readonly":true},"Parameters":{}}'
    assert ClientRequestProperties.from_json(changed.to_json()) == changed
    assert hash(ClientRequestProperties.from_json(changed.to_json())) == hash(changed)
    assert ClientRequestProperties.empty().is_empty()


@pytest.mark.parametrize(
    ("make", "error", "fragment"),
    [
        (lambda b: b.server_timeout("-00:00:05"), KustoOptionError, "servertimeout must be positive, not -00:00:05"),
        (lambda b: b.server_timeout("soon"), KustoOptionError, "servertimeout has value 'soon'"),
        (lambda b: b.query_language("cql"), KustoOptionError, "allowed values: csl, kql, sql"),
        (lambda b: b.truncation_max_records(-1), KustoOptionError, "truncationmaxrecords must not be negative"),
        (lambda b: b.option("norequesttimeout", "yes"), KustoOptionError, "allowed values: true, false"),
        (lambda b: b.option("x", [1]), KustoOptionError, "'x' must be a string, boolean or number, not list"),
        (lambda b: b.long_parameter("1n", 5), KustoOptionError, "'1n' is not a valid identifier"),
        (lambda b: b.guid_parameter("g", "not-a-guid"), KustoOptionError, "guid parameter 'g' has value 'not-a-guid'"),
        (lambda b: b.no_truncation(1), TypeError, "notruncation must be a bool, not int"),
        (lambda b: b.truncation_max_size(True), TypeError, "truncationmaxsize must be an int, not bool"),
        (lambda b: b.server_timeout(90), TypeError, "servertimeout must be a timedelta or a timespan str"),
    ],
)
def test_bad_values_fail_naming_the_property(make: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as raised:
        make(ClientRequestProperties.builder())  # type: ignore[operator]
    assert fragment in str(raised.value)


def test_errors_are_value_errors_that_name_the_option() -> None:
    with pytest.raises(ValueError) as raised:
        ClientRequestProperties.builder().max_memory_consumption_per_iterator(0)
    assert isinstance(raised.value, KustoOptionError)
    assert raised.value.option == "maxmemoryconsumptionperiterator"


def test_to_string_is_the_json_as_on_the_jvm_object() -> None:
    crp = ClientRequestProperties.builder().no_request_timeout(True).build()
    assert crp.toString() == str(crp) == crp.to_json() == '{"Options":{"norequesttimeout":true},"Parameters":{}}'
