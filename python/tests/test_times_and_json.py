"""Kusto's text forms of instants and timespans (100-ns ticks, nothing finer) and the JSON rules
the builders share: duplicates and non-numbers refused, exact decimals, no input in errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from kusto_spark import _json
from kusto_spark._times import format_instant, format_timespan, instant_nanos, parse_instant, parse_timespan, timespan_nanos
from kusto_spark.errors import KustoOptionError

_SECOND = 1_000_000_000


@pytest.mark.parametrize(
    ("text", "nanos"),
    [
        ("00:10:00", 600 * _SECOND),
        (" 1.02:03:04.5 ", (93_784 * _SECOND) + 500_000_000),
        ("-00:00:00.0000001", -100),
        ("99:59:59", 359_999 * _SECOND),
        ("10m", 600 * _SECOND),
        ("1.5h", 5_400 * _SECOND),
        ("-2d", -172_800 * _SECOND),
        ("3tick", 300),
        ("1.5microsecond", 1_500),
        ("0.5tick", 50),
        ("1.24:00:00", None),
        ("00:60:00", None),
        ("00:00:00.00000001", None),
        ("١٠m", None),
        ("soon", None),
    ],
)
def test_timespans_parse_as_kusto_writes_them(text: str, nanos: int | None) -> None:
    assert parse_timespan(text) == nanos


@pytest.mark.parametrize(
    ("nanos", "text"),
    [(0, "00:00:00"), (-(93_784 * _SECOND + 500_000_000), "-1.02:03:04.5000000"), (100, "00:00:00.0000001")],
)
def test_timespans_print_days_and_fraction_only_when_non_zero(nanos: int, text: str) -> None:
    assert format_timespan(nanos) == text


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2024-01-02T03:04:05.1234567Z", "2024-01-02T03:04:05.1234567Z"),
        ("2024-01-02t05:04+02:00", "2024-01-02T03:04:00.0000000Z"),
        ("2024-01-02T03:04:05", "2024-01-02T03:04:05.0000000Z"),
        ("2024-01-02T03:04:05-01:30", "2024-01-02T04:34:05.0000000Z"),
        ("1704164645.123000000", "2024-01-02T03:04:05.1230000Z"),
        ("-1.5", "1969-12-31T23:59:58.5000000Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z"),
    ],
)
def test_instants_parse_from_iso_8601_and_epoch_seconds(text: str, canonical: str) -> None:
    nanos = parse_instant(text)
    assert nanos is not None
    assert format_instant(nanos) == canonical


@pytest.mark.parametrize(
    "text", ["2024-02-30T00:00:00Z", "2024-01-02T03:04:05+0130", "2024-01-02", "1.0000000001", "99999999999999"]
)
def test_other_instants_are_refused(text: str) -> None:
    assert parse_instant(text) is None


def test_values_finer_than_a_tick_are_refused_naming_them() -> None:
    with pytest.raises(KustoOptionError, match="creationTime '1970-01-01T00:00:00.00000005Z' is finer than Kusto's"):
        instant_nanos("1970-01-01T00:00:00.00000005Z", "creationTime")
    with pytest.raises(KustoOptionError, match="servertimeout '0.5tick' is finer than Kusto's"):
        timespan_nanos("0.5tick", "servertimeout")


def test_python_values_convert_exactly() -> None:
    assert timespan_nanos(timedelta(days=-1, microseconds=1), "t") == -86_400 * _SECOND + 1_000
    assert instant_nanos(datetime(1970, 1, 1, 1, tzinfo=timezone(timedelta(hours=1))), "t") == 0
    with pytest.raises(KustoOptionError, match="naive datetime"):
        instant_nanos(datetime(2024, 1, 2), "t")


def test_json_numbers_are_exact_and_written_with_their_digits() -> None:
    value = _json.parse('{"a":1.50,"b":1e400,"c":12345678901234567890123}', "x")
    assert value == {"a": Decimal("1.50"), "b": Decimal("1e400"), "c": 12345678901234567890123}
    assert _json.write(value) == '{"a":1.50,"b":1E+400,"c":12345678901234567890123}'
    assert _json.write({"t": "é\n\u0001"}) == '{"t":"é\\n\\u0001"}'


@pytest.mark.parametrize(
    "text", ['{"a":1,"a":2}', "NaN", '{"a":Infinity}', '{"a":1} x', '{"sig":"S3CRET"', "", "{'a':1}", '{"a":١}']
)
def test_json_refusals_never_quote_the_input(text: str) -> None:
    with pytest.raises(KustoOptionError) as failure:
        _json.parse(text, "transientStorage")
    assert "transientStorage" in str(failure.value)
    assert "S3CRET" not in str(failure.value)
