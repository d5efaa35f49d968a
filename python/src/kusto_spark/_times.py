"""Kusto's text forms of instants and timespans, which the builders' JSON carries.

Kusto keeps both at 100-nanosecond (tick) precision. Python's ``datetime`` and ``timedelta`` stop at
microseconds, so the builders also take the text forms, and values are held here as whole
nanoseconds (instants since the Unix epoch): ``2024-01-02T03:04:05.1234567Z`` keeps its last digit.
Values finer than a tick are refused instead of silently rounded, as the JVM side does.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from .errors import KustoOptionError

__all__ = [
    "NANOS_PER_SECOND",
    "format_instant",
    "format_timespan",
    "parse_instant_or_none",
    "parse_timespan_or_none",
    "instant_nanos",
    "timespan_nanos",
    "java_duration",
    "java_instant",
]

NANOS_PER_TICK = 100
NANOS_PER_SECOND = 1_000_000_000
_NANOS_PER_DAY = 86_400 * NANOS_PER_SECOND

_TIMESPAN = re.compile(r"(-)?(?:([0-9]+)\.)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,7}))?")
_SHORT_TIMESPAN = re.compile(r"(-)?([0-9]+)(?:\.([0-9]+))?(d|h|m|s|ms|microsecond|tick)")
_NANOS_PER_UNIT = {
    "d": _NANOS_PER_DAY,
    "h": 3_600 * NANOS_PER_SECOND,
    "m": 60 * NANOS_PER_SECOND,
    "s": NANOS_PER_SECOND,
    "ms": 1_000_000,
    "microsecond": 1_000,
    "tick": NANOS_PER_TICK,
}
_EPOCH_SECONDS = re.compile(r"(-)?([0-9]+)(?:\.([0-9]+))?")
# ISO-8601 as java.time's ISO_OFFSET_DATE_TIME / ISO_LOCAL_DATE_TIME parse it: case-insensitive,
# seconds and fraction optional, up to nine fractional digits, offsets Z, +HH, +HH:MM, +HH:MM:SS.
_ISO = re.compile(
    r"([0-9]{4}|[+-][0-9]{4,10})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:\.([0-9]{0,9}))?)?"
    r"(?:([Zz])|([+-])([0-9]{2})(?::([0-9]{2})(?::([0-9]{2}))?)?)?"
)
_JAVA_WHITESPACE = "".join(chr(c) for c in range(33))


def java_trim(text: str) -> str:
    """Java's ``String.trim``: strips characters up to and including the space."""
    return text.strip(_JAVA_WHITESPACE)


def _days_from_civil(year: int, month: int, day: int) -> int:
    # Days since 1970-01-01 of a proleptic Gregorian date, for any year.
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if month <= 2 else 0), month, day


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _year_text(year: int) -> str:
    # java.time's uuuu: four digits, a sign beyond them.
    if year > 9999:
        return f"+{year}"
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _date_time_text(nanos: int) -> tuple[str, int]:
    seconds, fraction = divmod(nanos, NANOS_PER_SECOND)
    days, second_of_day = divmod(seconds, 86_400)
    year, month, day = _civil_from_days(days)
    hour, rest = divmod(second_of_day, 3_600)
    minute, second = divmod(rest, 60)
    return f"{_year_text(year)}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}", fraction


def _require_ticks(nanos: int, what: str, shown: str) -> None:
    if nanos % NANOS_PER_TICK:
        raise KustoOptionError(
            f"{what} '{shown}' is finer than Kusto's 100-nanosecond precision;"
            " round it to a multiple of 100 ns (7 fractional digits of a second)",
            what,
        )


def format_instant(nanos: int, what: str) -> str:
    """``2024-01-02T03:04:05.1234567Z``: always seven fractional digits, always UTC."""
    _require_ticks(nanos, what, java_instant(nanos))
    text, fraction = _date_time_text(nanos)
    return f"{text}.{fraction // NANOS_PER_TICK:07d}Z"


def format_timespan(nanos: int, what: str) -> str:
    """``[-][d.]hh:mm:ss[.fffffff]``: days only when non-zero, the fraction only when non-zero."""
    magnitude = abs(nanos)
    _require_ticks(magnitude, what, java_duration(nanos))
    days, rest = divmod(magnitude, _NANOS_PER_DAY)
    seconds, fraction = divmod(rest, NANOS_PER_SECOND)
    hours, seconds = divmod(seconds, 3_600)
    minutes, seconds = divmod(seconds, 60)
    text = "-" if nanos < 0 else ""
    if days:
        text += f"{days}."
    text += f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if fraction:
        text += f".{fraction // NANOS_PER_TICK:07d}"
    return text


def parse_timespan_or_none(text: str) -> int | None:
    """Nanoseconds of a timespan as Kusto writes it (``1.02:03:04.5``) or as a KQL literal
    (``10m``, ``2d``, ``1.5h``); None when the text is neither."""
    t = java_trim(text)
    m = _TIMESPAN.fullmatch(t)
    if m:
        hours, minutes, seconds = int(m.group(3)), int(m.group(4)), int(m.group(5))
        if minutes > 59 or seconds > 59 or (m.group(2) is not None and hours > 23):
            return None
        days = int(m.group(2)) if m.group(2) is not None else 0
        nanos = ((days * 24 + hours) * 60 + minutes) * 60 * NANOS_PER_SECOND + seconds * NANOS_PER_SECOND
        if m.group(6) is not None:
            nanos += int(m.group(6).ljust(7, "0")) * NANOS_PER_TICK
        return -nanos if m.group(1) else nanos
    s = _SHORT_TIMESPAN.fullmatch(t)
    if s:
        fraction = s.group(3) or ""
        scaled = int(s.group(2) + fraction) * _NANOS_PER_UNIT[s.group(4)]
        divisor: int = 10 ** len(fraction)
        nanos, remainder = divmod(scaled, divisor)
        if remainder:
            return None
        return -nanos if s.group(1) else nanos
    return None


def parse_instant_or_none(text: str) -> int | None:
    """Nanoseconds since the epoch of an instant given as ISO-8601 (``2024-01-02T03:04:05.1234567Z``,
    an offset, or no zone meaning UTC) or as decimal epoch seconds (``1704164645.123000000``, as the
    established connector prints it); None when the text is neither."""
    t = java_trim(text)
    e = _EPOCH_SECONDS.fullmatch(t)
    if e:
        fraction = e.group(3) or ""
        if fraction[9:].strip("0"):
            return None
        nanos = int(e.group(2)) * NANOS_PER_SECOND + int(fraction[:9].ljust(9, "0"))
        return -nanos if e.group(1) else nanos
    m = _ISO.fullmatch(t)
    if not m:
        return None
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    second = int(m.group(6) or 0)
    if not (1 <= month <= 12 and 1 <= day <= _days_in_month(year, month)):
        return None
    if hour > 23 or minute > 59 or second > 59:
        return None
    offset_seconds = 0
    if m.group(9):
        offset_hours, offset_minutes, offset_secs = int(m.group(10)), int(m.group(11) or 0), int(m.group(12) or 0)
        if offset_minutes > 59 or offset_secs > 59:
            return None
        offset_seconds = offset_hours * 3_600 + offset_minutes * 60 + offset_secs
        if offset_seconds > 18 * 3_600:
            return None
        if m.group(9) == "-":
            offset_seconds = -offset_seconds
    seconds = _days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offset_seconds
    return seconds * NANOS_PER_SECOND + int((m.group(7) or "").ljust(9, "0"))


def instant_nanos(value: datetime | str, what: str) -> int:
    """Nanoseconds since the epoch of a timezone-aware ``datetime`` or of an instant's text
    (see :func:`parse_instant_or_none`); a naive ``datetime`` is refused, its zone being unknown."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise KustoOptionError(
                f"{what} is a naive datetime ({value.isoformat()}); give it a time zone,"
                " e.g. datetime(2024, 1, 2, tzinfo=timezone.utc)",
                what,
            )
        delta = value - datetime(1970, 1, 1, tzinfo=timezone.utc)
        return timespan_nanos(delta, what)
    if isinstance(value, str):
        nanos = parse_instant_or_none(value)
        if nanos is None:
            raise KustoOptionError(
                f"{what} has value '{value}'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z", what
            )
        return nanos
    raise TypeError(f"{what} must be a datetime or an ISO-8601 str, not {type(value).__name__}")


def timespan_nanos(value: timedelta | str, what: str) -> int:
    """Nanoseconds of a ``timedelta`` or of a timespan's text (see :func:`parse_timespan_or_none`)."""
    if isinstance(value, timedelta):
        return ((value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds) * 1_000
    if isinstance(value, str):
        nanos = parse_timespan_or_none(value)
        if nanos is None:
            raise KustoOptionError(
                f"{what} has value '{value}'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m", what
            )
        return nanos
    raise TypeError(f"{what} must be a timedelta or a timespan str, not {type(value).__name__}")


def java_duration(nanos: int) -> str:
    """Java's ``Duration.toString`` (``PT1H30M``, ``PT-0.5S``), which the JVM side's messages show."""
    if nanos == 0:
        return "PT0S"
    seconds, fraction = divmod(nanos, NANOS_PER_SECOND)
    effective = seconds + 1 if seconds < 0 and fraction > 0 else seconds
    hours = _truncating_div(effective, 3_600)
    minutes = _truncating_div(effective - hours * 3_600, 60)
    secs = effective - hours * 3_600 - minutes * 60
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if secs == 0 and fraction == 0 and len(text) > 2:
        return text
    text += "-0" if seconds < 0 and fraction > 0 and secs == 0 else str(secs)
    if fraction:
        digits = str(2 * NANOS_PER_SECOND - fraction if seconds < 0 else fraction + NANOS_PER_SECOND)
        text += "." + digits[1:].rstrip("0")
    return text + "S"


def _truncating_div(a: int, b: int) -> int:
    quotient = abs(a) // b
    return -quotient if a < 0 else quotient


def java_instant(nanos: int) -> str:
    """Java's ``Instant.toString`` (``2024-01-02T03:04:05.000000050Z``), which the JVM side's messages show."""
    text, fraction = _date_time_text(nanos)
    if fraction == 0:
        return text + "Z"
    if fraction % 1_000_000 == 0:
        return f"{text}.{fraction // 1_000_000:03d}Z"
    if fraction % 1_000 == 0:
        return f"{text}.{fraction // 1_000:06d}Z"
    return f"{text}.{fraction:09d}Z"
