"""The text forms the builders share with the JVM side: Kusto's instants and timespans, Java's
renderings of durations, instants and doubles (checked against a JVM), and Jackson-compatible JSON."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kusto_spark import _json
from kusto_spark._times import (
    format_instant,
    format_timespan,
    java_duration,
    java_instant,
    parse_instant_or_none,
    parse_timespan_or_none,
)
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
        ("1.24:00:00", None),
        ("00:60:00", None),
        ("1.5tick", 150),
        ("0.5tick", 50),
        ("١٠m", None),
        ("soon", None),
    ],
)
def test_timespans_parse_as_kusto_writes_them(text: str, nanos: int | None) -> None:
    assert parse_timespan_or_none(text) == nanos


@pytest.mark.parametrize(
    ("nanos", "text"),
    [(0, "00:00:00"), (-(93_784 * _SECOND + 500_000_000), "-1.02:03:04.5000000"), (100, "00:00:00.0000001")],
)
def test_timespans_print_days_and_fraction_only_when_non_zero(nanos: int, text: str) -> None:
    assert format_timespan(nanos, "t") == text


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2024-01-02T03:04:05.1234567Z", "2024-01-02T03:04:05.1234567Z"),
        ("2024-01-02t05:04+02:00", "2024-01-02T03:04:00.0000000Z"),
        ("2024-01-02T03:04:05", "2024-01-02T03:04:05.0000000Z"),
        ("2024-01-02T03:04:05-01:30:15", "2024-01-02T04:34:20.0000000Z"),
        ("1704164645.123000000", "2024-01-02T03:04:05.1230000Z"),
        ("-1.5", "1969-12-31T23:59:58.5000000Z"),
    ],
)
def test_instants_parse_as_java_time_reads_them(text: str, canonical: str) -> None:
    nanos = parse_instant_or_none(text)
    assert nanos is not None
    assert format_instant(nanos, "t") == canonical


@pytest.mark.parametrize("text", ["2024-02-30T00:00:00Z", "2024-01-02T03:04:05+0130", "2024-01-02", "1.0000000001"])
def test_instants_java_time_refuses_are_refused(text: str) -> None:
    assert parse_instant_or_none(text) is None


def test_values_finer_than_a_tick_are_refused_naming_them() -> None:
    with pytest.raises(KustoOptionError, match="creationTime '1970-01-01T00:00:00.000000050Z' is finer than Kusto's"):
        format_instant(50, "creationTime")
    with pytest.raises(KustoOptionError, match="servertimeout 'PT0.00000005S' is finer than Kusto's"):
        format_timespan(50, "servertimeout")


@pytest.mark.parametrize(
    ("nanos", "text"),
    [
        (0, "PT0S"),
        (-1_500_000_000, "PT-1.5S"),
        (-500_000_000, "PT-0.5S"),
        (-61 * _SECOND, "PT-1M-1S"),
        (50, "PT0.00000005S"),
        (172_800 * _SECOND, "PT48H"),
        (3_723_000_000_001, "PT1H2M3.000000001S"),
        (-3_723_000_000_001, "PT-1H-2M-3.000000001S"),
    ],
)
def test_java_duration_text(nanos: int, text: str) -> None:
    assert java_duration(nanos) == text


@pytest.mark.parametrize(
    ("nanos", "text"),
    [
        (0, "1970-01-01T00:00:00Z"),
        (50, "1970-01-01T00:00:00.000000050Z"),
        (1_704_164_645_123_000_000, "2024-01-02T03:04:05.123Z"),
        (-1, "1969-12-31T23:59:59.999999999Z"),
        (2**63 - 1, "2262-04-11T23:47:16.854775807Z"),
    ],
)
def test_java_instant_text(nanos: int, text: str) -> None:
    assert java_instant(nanos) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1000.0, "1000.0"),
        (1e7, "1.0E7"),
        (1e-3, "0.001"),
        (9.999e-4, "9.999E-4"),
        (1e20, "1.0E20"),
        (1e-5, "1.0E-5"),
        (123.456, "123.456"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-2.5e-10, "-2.5E-10"),
        (1.0e22, "1.0E22"),
        (-0.0, "-0.0"),
    ],
)
def test_java_double_text(value: float, text: str) -> None:
    assert _json.java_double(value) == text


def test_json_is_written_as_jackson_writes_it() -> None:
    value = {"s": 'q"\\\b\t\f\n\r\u0000\u001fé漢😀\u007f\u2028', "n": [1, Decimal("1.50"), Decimal("1E+3"), None, True]}
    assert (
        _json.write(value)
        == '{"s":"q\\"\\\\\\b\\t\\f\\n\\r\\u0000\\u001Fé漢😀\u007f\u2028","n":[1,1.50,1E+3,null,true]}'
    )


def test_json_numbers_are_doubles_as_jackson_reads_them_unless_exact() -> None:
    text = '{"a": 1.50, "b": 1e3, "c": -0.0, "d": 12345678901234567890}'
    assert _json.write(_json.parse(text, "doc")) == '{"a":1.5,"b":1000.0,"c":-0.0,"d":12345678901234567890}'
    exact = _json.parse(text, "doc", exact_numbers=True)
    assert _json.write(exact) == '{"a":1.50,"b":1E+3,"c":0.0,"d":12345678901234567890}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "doc is empty; expected a JSON document"),
        ('{"a":1,"a":2}', "doc is not valid JSON: an object has the same field twice"),
        ('{"a":NaN}', "doc is not valid JSON: NaN and Infinity are not JSON numbers"),
        ('{"key":"secret', "doc is not valid JSON at line 1, column 8: Unterminated string"),
        ('{"a":1}\n{"b"', "doc is not valid JSON at line 2, column 1: Extra data"),
    ],
)
def test_json_errors_say_where_but_never_quote_the_input(text: str, message: str) -> None:
    with pytest.raises(KustoOptionError) as raised:
        _json.parse(text, "doc")
    assert str(raised.value) == message
    assert "secret" not in str(raised.value)
