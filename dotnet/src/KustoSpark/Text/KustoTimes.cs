using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KustoSpark.Text
{
    // Kusto's text forms of timespans and instants. TimeSpan and DateTime hold Kusto's 100-ns ticks
    // exactly, and print Kusto's forms themselves ("c" and "o"); text finer than a tick is refused
    // instead of rounded.
    internal static class KustoTimes
    {
        private static readonly Regex Timespan = new Regex(@"\A(-)?(?:([0-9]+)\.)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,7}))?\z");
        private static readonly Regex KqlTimespan = new Regex(@"\A(-)?([0-9]+(?:\.[0-9]+)?)(d|h|m|s|ms|microsecond|tick)\z");
        private static readonly Regex EpochSeconds = new Regex(@"\A-?[0-9]+(?:\.[0-9]+)?\z");
        private static readonly Regex Iso = new Regex(
            @"\A([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}:[0-9]{2})(:[0-9]{2})?(?:\.([0-9]{1,9}))?([Zz]|[+-][0-9]{2}(?::[0-9]{2})?)?\z");
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // [-][d.]hh:mm:ss[.fffffff]: days only when non-zero, the fraction only when non-zero.
        internal static string Format(TimeSpan value)
        {
            return value.ToString("c", CultureInfo.InvariantCulture);
        }

        // yyyy-MM-ddTHH:mm:ss.fffffffZ, in UTC.
        internal static string Format(DateTime value)
        {
            return Utc(value).ToString("o", CultureInfo.InvariantCulture);
        }

        // A DateTime of kind Unspecified is taken as UTC.
        internal static DateTime Utc(DateTime value)
        {
            return value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        }

        // A timespan as Kusto writes it (1.02:03:04.5) or as a KQL literal (10m, 1.5h); null when the
        // text is neither; an error when it is finer than a tick.
        internal static TimeSpan? ParseTimespan(string text, string what)
        {
            string t = text.Trim();
            Match m = Timespan.Match(t);
            decimal ticks;
            if (m.Success)
            {
                int hours = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                int minutes = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
                int seconds = int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture);
                if (minutes > 59 || seconds > 59 || (m.Groups[2].Success && hours > 23)) return null;
                decimal days = m.Groups[2].Success ? decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
                ticks = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * TimeSpan.TicksPerSecond
                    + int.Parse(m.Groups[6].Value.PadRight(7, '0'), CultureInfo.InvariantCulture);
            }
            else
            {
                m = KqlTimespan.Match(t);
                if (!m.Success) return null;
                decimal amount = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                ticks = amount * UnitTicks(m.Groups[3].Value);
                if (ticks != decimal.Truncate(ticks)) throw FinerThanATick(what, text);
            }
            if (ticks > TimeSpan.MaxValue.Ticks) return null;
            return TimeSpan.FromTicks((long)(m.Groups[1].Success ? -ticks : ticks));
        }

        private static decimal UnitTicks(string unit)
        {
            switch (unit)
            {
                case "d": return TimeSpan.TicksPerDay;
                case "h": return TimeSpan.TicksPerHour;
                case "m": return TimeSpan.TicksPerMinute;
                case "s": return TimeSpan.TicksPerSecond;
                case "ms": return TimeSpan.TicksPerMillisecond;
                case "microsecond": return 10;
                default: return 1;
            }
        }

        // An instant given as ISO-8601 (an offset, or none meaning UTC) or as decimal epoch seconds
        // (1704164645.123000000, as the established connector prints it), in UTC; null when the text
        // is neither or lies outside years 1 to 9999; an error when it is finer than a tick.
        internal static DateTime? ParseInstant(string text, string what)
        {
            string t = text.Trim();
            decimal ticks;
            if (EpochSeconds.IsMatch(t))
            {
                try
                {
                    ticks = decimal.Parse(t, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond + Epoch.Ticks;
                }
                catch (OverflowException)
                {
                    return null;
                }
            }
            else
            {
                Match m = Iso.Match(t);
                DateTimeOffset at;
                string zone = m.Groups[5].Value.ToUpperInvariant();
                if (!m.Success || !DateTimeOffset.TryParseExact(m.Groups[1].Value + "T" + m.Groups[2].Value + (m.Groups[3].Success ? m.Groups[3].Value : ":00")
                        + (zone == "" || zone == "Z" ? "+00:00" : zone.Length == 3 ? zone + ":00" : zone),
                        "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
                {
                    return null;
                }
                ticks = at.UtcTicks + decimal.Parse("0." + m.Groups[4].Value + "0", CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond;
            }
            if (ticks != decimal.Truncate(ticks)) throw FinerThanATick(what, text);
            if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) return null;
            return new DateTime((long)ticks, DateTimeKind.Utc);
        }

        private static KustoOptionException FinerThanATick(string what, string text)
        {
            return new KustoOptionException(what + " '" + text + "' is finer than Kusto's 100-nanosecond precision;"
                + " round it to a multiple of 100 ns (7 fractional digits of a second)");
        }
    }
}
