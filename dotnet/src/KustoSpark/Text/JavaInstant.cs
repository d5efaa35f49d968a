using System;
using System.Globalization;

namespace KustoSpark.Text
{
    // A point on the UTC time line in nanoseconds, as java.time.Instant holds it, so that parsed
    // text finer than 100 ns is reported instead of rounded.
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

        // Instant.toString: 2024-01-02T03:04:05Z, with the fraction in groups of three digits.
        public override string ToString()
        {
            DateTime t = ToDateTime("instant");
            string text = t.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
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
