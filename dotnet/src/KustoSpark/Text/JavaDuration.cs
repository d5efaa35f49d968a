using System;
using System.Globalization;
using System.Text;

namespace KustoSpark.Text
{
    // A signed length of time in nanoseconds, as java.time.Duration holds it: finer than .NET's
    // 100 ns ticks, so that a value Kusto cannot hold is reported instead of rounded.
    internal struct JavaDuration
    {
        internal const long NanosPerSecond = 1000000000L;

        internal JavaDuration(decimal nanos)
        {
            Nanos = nanos;
        }

        internal decimal Nanos { get; }

        internal bool IsNegative { get { return Nanos < 0; } }

        internal bool IsZero { get { return Nanos == 0; } }

        internal static JavaDuration FromTimeSpan(TimeSpan t)
        {
            return new JavaDuration((decimal)t.Ticks * 100);
        }

        // Duration.getSeconds (floor) and getNano (0..999,999,999).
        internal void Split(out long seconds, out int nanos)
        {
            decimal s = decimal.Floor(Nanos / NanosPerSecond);
            seconds = (long)s;
            nanos = (int)(Nanos - s * NanosPerSecond);
        }

        internal TimeSpan ToTimeSpan()
        {
            return TimeSpan.FromTicks((long)(Nanos / 100));
        }

        // Duration.toString: PT1H30M, PT-10M, PT1.5S, PT0S.
        public override string ToString()
        {
            long seconds;
            int nanos;
            Split(out seconds, out nanos);
            if (seconds == 0 && nanos == 0) return "PT0S";
            long effective = seconds;
            if (seconds < 0 && nanos > 0) effective++;
            long hours = effective / 3600;
            int minutes = (int)((effective % 3600) / 60);
            int secs = (int)(effective % 60);
            var buf = new StringBuilder("PT");
            if (hours != 0) buf.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            if (minutes != 0) buf.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
            if (secs == 0 && nanos == 0 && buf.Length > 2) return buf.ToString();
            if (seconds < 0 && nanos > 0 && secs == 0) buf.Append("-0");
            else buf.Append(secs.ToString(CultureInfo.InvariantCulture));
            if (nanos > 0)
            {
                int pos = buf.Length;
                long fraction = seconds < 0 ? 2 * NanosPerSecond - nanos : nanos + NanosPerSecond;
                buf.Append(fraction.ToString(CultureInfo.InvariantCulture));
                while (buf[buf.Length - 1] == '0') buf.Length--;
                buf[pos] = '.';
            }
            return buf.Append('S').ToString();
        }
    }
}
