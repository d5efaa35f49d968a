"""Kusto's text forms of instants and timespans, which the builders' JSON carries.

Kusto keeps both at 100-nanosecond (tick) precision, and ``datetime`` / ``timedelta`` stop at
microseconds, so the builders also take the text forms and values are held here as whole
nanoseconds (instants since the Unix epoch): ``2024-01-02T03:04:05.1234567Z`` keeps its last digit.
Values finer than a tick are refused instead of silently rounded. Instants cover Kusto's range,
years 1 to 9999.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from .errors import KustoOptionError

__all__ = ["NANOS_PER_SECOND", "format_instant", "format_timespan", "instant_nanos", "timespan_nanos",
           "parse_instant", "parse_timespan"]  # fmt: skip

NANOS_PER_SECOND = 1_000_000_000
_TICK = 100
_EPOCH = datetime(1970, 1, 1)
_TIMESPAN = re.compile(r"(-)?(?:([0-9]+)\.)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,7}))?")
_KQL_TIMESPAN = re.compile(r"(-)?([0-9]+)(?:\.([0-9]+))?(d|h|m|s|ms|microsecond|tick)")
_UNIT_NANOS = {"d": 86_400 * NANOS_PER_SECOND, "h": 3_600 * NANOS_PER_SECOND, "m": 60 * NANOS_PER_SECOND,
               "s": NANOS_PER_SECOND, "ms": 1_000_000, "microsecond": 1_000, "tick": _TICK}  # fmt: skip
_EPOCH_SECONDS = re.compile(r"(-)?([0-9]+)(?:\.([0-9]+))?")
_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?"
    r"(?:([Zz])|([+-])([0-9]{2})(?::([0-9]{2}))?)?"
)


def _nanos(delta: timedelta) -> int:
    return ((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds) * 1_000


def _require_ticks(nanos: int, what: str, shown: str) -> int:
    if nanos % _TICK:
        raise KustoOptionError(
            f"{what} '{shown}' is finer than Kusto's 100-nanosecond precision;"
            " round it to a multiple of 100 ns (7 fractional digits of a second)",
            what,
        )
    return nanos


def parse_timespan(text: str) -> int | None:
    """Nanoseconds of a timespan as Kusto writes it (``1.02:03:04.5``) or as a KQL literal
    (``10m``, ``2d``, ``1.5h``); None when the text is neither."""
    t = text.strip()
    if m := _TIMESPAN.fullmatch(t):
        sign, days, hours, minutes, seconds, fraction = m.groups()
        if int(minutes) > 59 or int(seconds) > 59 or (days is not None and int(hours) > 23):
            return None
        whole = timedelta(days=int(days or 0), hours=int(hours), minutes=int(minutes), seconds=int(seconds))
        nanos = _nanos(whole) + int((fraction or "").ljust(7, "0")) * _TICK
    elif m := _KQL_TIMESPAN.fullmatch(t):
        sign, number, fraction, unit = m.groups()
        nanos, remainder = divmod(int(number + (fraction or "")) * _UNIT_NANOS[unit], 10 ** len(fraction or ""))
        if remainder:
            return None
    else:
        return None
    return -nanos if sign else nanos


def format_timespan(nanos: int) -> str:
    """``[-][d.]hh:mm:ss[.fffffff]``: days only when non-zero, the fraction only when non-zero."""
    days, rest = divmod(abs(nanos), 86_400 * NANOS_PER_SECOND)
    seconds, fraction = divmod(rest, NANOS_PER_SECOND)
    text = ("-" if nanos < 0 else "") + (f"{days}." if days else "")
    text += f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return text + (f".{fraction // _TICK:07d}" if fraction else "")


def parse_instant(text: str) -> int | None:
    """Nanoseconds since the epoch of an instant given as ISO-8601 (``2024-01-02T03:04:05.1234567Z``,
    an offset, or no zone meaning UTC) or as decimal epoch seconds (``1704164645.123000000``, as the
    established connector prints it); None when the text is neither or lies outside years 1 to 9999."""
    t = text.strip()
    try:
        if m := _EPOCH_SECONDS.fullmatch(t):
            sign, whole, fraction = m.groups()
            fraction = fraction or ""
            if fraction[9:].strip("0"):
                return None
            nanos = int(whole) * NANOS_PER_SECOND + int(fraction[:9].ljust(9, "0"))
            nanos = -nanos if sign else nanos
            _EPOCH + timedelta(microseconds=nanos // 1_000)  # in range, or OverflowError
            return nanos
        if m := _ISO.fullmatch(t):
            year, month, day, hour, minute, second, fraction, _, offset_sign, offset_hours, offset_minutes = m.groups()
            offset = timedelta(hours=int(offset_hours or 0), minutes=int(offset_minutes or 0))
            zone = timezone(-offset if offset_sign == "-" else offset)
            at = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=zone)
            return _nanos(at - _EPOCH.replace(tzinfo=timezone.utc)) + int((fraction or "").ljust(9, "0"))
    except (ValueError, OverflowError):
        pass
    return None


def format_instant(nanos: int) -> str:
    """``2024-01-02T03:04:05.1234567Z``: always seven fractional digits, always UTC."""
    seconds, fraction = divmod(nanos, NANOS_PER_SECOND)
    return f"{(_EPOCH + timedelta(seconds=seconds)).isoformat()}.{fraction // _TICK:07d}Z"


def timespan_nanos(value: timedelta | str, what: str) -> int:
    """Nanoseconds of a ``timedelta`` or of a timespan's text (see :func:`parse_timespan`)."""
    if isinstance(value, timedelta):
        return _nanos(value)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a timedelta or a timespan str, not {type(value).__name__}")
    nanos = parse_timespan(value)
    if nanos is None:
        raise KustoOptionError(
            f"{what} has value '{value}'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m", what
        )
    return _require_ticks(nanos, what, value)


def instant_nanos(value: datetime | str, what: str) -> int:
    """Nanoseconds since the epoch of a timezone-aware ``datetime`` or of an instant's text (see
    :func:`parse_instant`); a naive ``datetime`` is refused, its zone being unknown."""
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise KustoOptionError(
                f"{what} is a naive datetime ({value.isoformat()}); give it a time zone,"
                " e.g. datetime(2024, 1, 2, tzinfo=timezone.utc)",
                what,
            )
        return _nanos(value - _EPOCH.replace(tzinfo=timezone.utc))
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a datetime or an ISO-8601 str, not {type(value).__name__}")
    nanos = parse_instant(value)
    if nanos is None:
        raise KustoOptionError(
            f"{what} has value '{value}'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z", what
        )
    return _require_ticks(nanos, what, value)
