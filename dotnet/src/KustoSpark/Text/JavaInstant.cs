using System;
using System.Globalization;

namespace KustoSpark.Text
{
    // A point on the UTC time line in nanoseconds, as java.time.Instant holds it, so that parsed
    // text finer than 100 ns is reported instead of rounded, and years beyond DateTime's 1..9999
    // print as Java prints them (+12024-01-02T03:04:05Z).
    internal struct JavaInstant : IComparable<JavaInstant>
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        internal JavaInstant(long epochSecond, int nano)
        {
            EpochSecond = epochSecond;
            Nano = nano;
        }

        internal long EpochSecond { get; }

        internal int Nano { get; }

        // A DateTime of kind Utc or Unspecified is taken as UTC; a Local one is converted.
        internal static JavaInstant FromDateTime(DateTime value)
        {
            DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            long ticks = utc.Ticks - Epoch.Ticks;
            long seconds = ticks >= 0 ? ticks / TimeSpan.TicksPerSecond : -((-ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
            long rest = ticks - seconds * TimeSpan.TicksPerSecond;
            return new JavaInstant(seconds, (int)(rest * 100));
        }

        // The UTC DateTime (truncated to ticks); throws when out of DateTime's range.
        internal DateTime ToDateTime(string what)
        {
            try
            {
                return Epoch.AddTicks(checked(EpochSecond * TimeSpan.TicksPerSecond + Nano / 100));
            }
            catch (Exception e) when (e is OverflowException || e is ArgumentOutOfRangeException)
            {
                throw new ArgumentException(what + " is outside the supported range of dates (years 1 to 9999)");
            }
        }

        public int CompareTo(JavaInstant other)
        {
            int c = EpochSecond.CompareTo(other.EpochSecond);
            return c != 0 ? c : Nano.CompareTo(other.Nano);
        }

        // Proleptic Gregorian days since 1970-01-01 of a date, and back (H. Hinnant's algorithms).
        internal static long DaysFromCivil(long year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yearOfEra = y - era * 400;
            long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097 + dayOfEra - 719468;
        }

        private static void CivilFromDays(long days, out long year, out int month, out int day)
        {
            long z = days + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long dayOfEra = z - era * 146097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long mp = (5 * dayOfYear + 2) / 153;
            day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        }

        internal static bool IsLeapYear(long year)
        {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        }

        // yyyy-MM-ddTHH:mm:ss as java.time prints it: four-digit years, '+' before longer ones.
        internal string DateAndTime()
        {
            long days = EpochSecond >= 0 ? EpochSecond / 86400 : -((-EpochSecond + 86399) / 86400);
            long secondOfDay = EpochSecond - days * 86400;
            long year;
            int month, day;
            CivilFromDays(days, out year, out month, out day);
            string y = year > 9999 ? "+" + year.ToString(CultureInfo.InvariantCulture)
                : year < 0 ? "-" + (-year).ToString("0000", CultureInfo.InvariantCulture)
                : year.ToString("0000", CultureInfo.InvariantCulture);
            return y + "-" + month.ToString("00", CultureInfo.InvariantCulture) + "-" + day.ToString("00", CultureInfo.InvariantCulture)
                + "T" + (secondOfDay / 3600).ToString("00", CultureInfo.InvariantCulture)
                + ":" + (secondOfDay / 60 % 60).ToString("00", CultureInfo.InvariantCulture)
                + ":" + (secondOfDay % 60).ToString("00", CultureInfo.InvariantCulture);
        }

        // Instant.toString: 2024-01-02T03:04:05Z, with the fraction in groups of three digits.
        public override string ToString()
        {
            string text = DateAndTime();
            if (Nano > 0)
            {
                if (Nano % 1000000 == 0) text += "." + (Nano / 1000000).ToString("D3", CultureInfo.InvariantCulture);
                else if (Nano % 1000 == 0) text += "." + (Nano / 1000).ToString("D6", CultureInfo.InvariantCulture);
                else text += "." + Nano.ToString("D9", CultureInfo.InvariantCulture);
            }
            return text + "Z";
        }
    }
}
