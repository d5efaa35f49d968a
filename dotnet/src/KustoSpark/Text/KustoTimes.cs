using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace KustoSpark.Text
{
    // Kusto's text forms of instants and timespans, which the JSON of the builders carries. Kusto
    // keeps both at 100-nanosecond (tick) precision, so finer values are refused, not rounded.
    internal static class KustoTimes
    {
        private const int NanosPerTick = 100;
        // java.time.Instant's range: the years -1000000000 to 1000000000.
        private const long MinEpochSecond = -31557014167219200L;
        private const long MaxEpochSecond = 31556889864403199L;
        private static readonly Regex TimespanPattern = new Regex(
            @"\A(-)?(?:([0-9]+)\.)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,7}))?\z");
        private static readonly Regex ShortTimespanPattern = new Regex(
            @"\A(-)?([0-9]+(?:\.[0-9]+)?)(d|h|m|s|ms|microsecond|tick)\z");
        private static readonly Regex EpochSeconds = new Regex(@"\A-?[0-9]+(\.[0-9]+)?\z");
        // ISO_OFFSET_DATE_TIME / ISO_LOCAL_DATE_TIME as java.time parses them (four-digit years, or
        // signed longer ones; case-insensitive T and Z; optional seconds; up to nine fractional
        // digits; offsets +hh[:mm[:ss]]).
        private static readonly Regex IsoInstant = new Regex(
            @"\A([0-9]{4}|\+[0-9]{5,9}|-[0-9]{4,9})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{0,9}))?)?"
            + @"(?:([Zz])|([+-])([0-9]{2})(?::([0-9]{2})(?::([0-9]{2}))?)?)?\z");

        // 2024-01-02T03:04:05.1234567Z: always seven fractional digits, always UTC.
        internal static string Instant(JavaInstant value, string what)
        {
            RequireTicks(value.Nano, what, value.ToString());
            return value.DateAndTime() + "." + (value.Nano / NanosPerTick).ToString("0000000", CultureInfo.InvariantCulture) + "Z";
        }

        internal static string Instant(DateTime value, string what)
        {
            return Instant(JavaInstant.FromDateTime(value), what);
        }

        // [-][d.]hh:mm:ss[.fffffff]: days only when non-zero, the fraction only when non-zero.
        internal static string Timespan(JavaDuration value, string what)
        {
            decimal abs = Math.Abs(value.Nanos);
            decimal wholeSeconds = decimal.Floor(abs / JavaDuration.NanosPerSecond);
            long fractionNanos = (long)(abs - wholeSeconds * JavaDuration.NanosPerSecond);
            RequireTicks(fractionNanos, what, value.ToString());
            decimal days = decimal.Floor(wholeSeconds / 86400);
            long secondsOfDay = (long)(wholeSeconds - days * 86400);
            var text = new StringBuilder();
            if (value.IsNegative) text.Append('-');
            if (days > 0) text.Append(days.ToString("0", CultureInfo.InvariantCulture)).Append('.');
            text.Append((secondsOfDay / 3600).ToString("00", CultureInfo.InvariantCulture)).Append(':')
                .Append((secondsOfDay / 60 % 60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
                .Append((secondsOfDay % 60).ToString("00", CultureInfo.InvariantCulture));
            if (fractionNanos != 0)
            {
                text.Append('.').Append((fractionNanos / NanosPerTick).ToString("0000000", CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }

        internal static string Timespan(TimeSpan value, string what)
        {
            return Timespan(JavaDuration.FromTimeSpan(value), what);
        }

        // Parses a timespan as Kusto writes it (1.02:03:04.5) or as a KQL literal (10m, 2d, 1.5h);
        // null when the text is neither.
        internal static JavaDuration? ParseTimespanOrNull(string text)
        {
            string t = JavaText.Trim(text);
            Match m = TimespanPattern.Match(t);
            try
            {
                if (m.Success)
                {
                    long hours = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                    long minutes = long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
                    long seconds = long.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture);
                    if (minutes > 59 || seconds > 59 || (m.Groups[2].Success && hours > 23)) return null;
                    decimal days = m.Groups[2].Success ? decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
                    decimal nanos = ((days * 86400) + hours * 3600 + minutes * 60 + seconds) * JavaDuration.NanosPerSecond;
                    if (m.Groups[6].Success)
                    {
                        nanos += long.Parse((m.Groups[6].Value + "000000").Substring(0, 7), CultureInfo.InvariantCulture) * NanosPerTick;
                    }
                    return new JavaDuration(m.Groups[1].Success ? -nanos : nanos);
                }
                Match s = ShortTimespanPattern.Match(t);
                if (s.Success)
                {
                    decimal amount = decimal.Parse(s.Groups[2].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                    long nanosPerUnit;
                    switch (s.Groups[3].Value)
                    {
                        case "d": nanosPerUnit = 86400000000000L; break;
                        case "h": nanosPerUnit = 3600000000000L; break;
                        case "m": nanosPerUnit = 60000000000L; break;
                        case "s": nanosPerUnit = 1000000000L; break;
                        case "ms": nanosPerUnit = 1000000L; break;
                        case "microsecond": nanosPerUnit = 1000L; break;
                        default: nanosPerUnit = NanosPerTick; break;
                    }
                    decimal nanos = amount * nanosPerUnit;
                    if (nanos != decimal.Truncate(nanos)) return null;
                    return new JavaDuration(s.Groups[1].Success ? -nanos : nanos);
                }
            }
            catch (OverflowException)
            {
                return null;
            }
            return null;
        }

        // Parses an instant given as ISO-8601 (2024-01-02T03:04:05.1234567Z, an offset, or no zone
        // meaning UTC) or as decimal epoch seconds (1704164645.123000000, as the established connector
        // prints it); null when the text is neither.
        internal static JavaInstant? ParseInstantOrNull(string text)
        {
            string t = JavaText.Trim(text);
            try
            {
                if (EpochSeconds.IsMatch(t))
                {
                    bool negative = t[0] == '-';
                    string[] parts = t.TrimStart('-').Split('.');
                    string decimals = parts.Length > 1 ? parts[1] : "";
                    if (decimals.Length > 9 && decimals.Substring(9).Any(c => c != '0')) return null;
                    long epochSecond;
                    if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out epochSecond)) return null;
                    long nano = decimals.Length == 0 ? 0 : long.Parse(decimals.PadRight(9, '0').Substring(0, 9), CultureInfo.InvariantCulture);
                    if (negative)
                    {
                        epochSecond = -epochSecond;
                        nano = -nano;
                    }
                    if (nano < 0)
                    {
                        epochSecond -= 1;
                        nano += JavaDuration.NanosPerSecond;
                    }
                    if (epochSecond < MinEpochSecond || epochSecond > MaxEpochSecond)
                    {
                        throw new ArgumentException("Instant exceeds minimum or maximum instant");
                    }
                    return new JavaInstant(epochSecond, (int)nano);
                }
                Match m = IsoInstant.Match(t);
                if (!m.Success) return null;
                int year = Int(m, 1), month = Int(m, 2), day = Int(m, 3), hour = Int(m, 4), minute = Int(m, 5);
                int second = m.Groups[6].Success ? Int(m, 6) : 0;
                int[] monthDays = { 31, JavaInstant.IsLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
                if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1] || hour > 23 || minute > 59 || second > 59)
                {
                    return null;
                }
                string fraction = m.Groups[7].Success ? m.Groups[7].Value : "";
                int nano9 = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
                long offsetSeconds = 0;
                if (m.Groups[9].Success)
                {
                    int oh = Int(m, 10), om = m.Groups[11].Success ? Int(m, 11) : 0, os = m.Groups[12].Success ? Int(m, 12) : 0;
                    if (oh > 18 || om > 59 || os > 59 || (oh == 18 && (om > 0 || os > 0))) return null;
                    offsetSeconds = (m.Groups[9].Value == "-" ? -1 : 1) * (oh * 3600L + om * 60 + os);
                }
                long local = JavaInstant.DaysFromCivil(year, month, day) * 86400 + hour * 3600L + minute * 60 + second;
                return new JavaInstant(local - offsetSeconds, nano9);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        private static int Int(Match m, int group)
        {
            return int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        }

        private static void RequireTicks(long nanos, string what, string value)
        {
            if (nanos % NanosPerTick != 0)
            {
                throw new ArgumentException(what + " '" + value + "' is finer than Kusto's 100-nanosecond precision;"
                    + " round it to a multiple of 100 ns (7 fractional digits of a second)");
            }
        }
    }
}
