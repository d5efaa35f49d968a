using System;
using System.Collections.Generic;
using System.Globalization;
using System.Collections.ObjectModel;
using System.Linq;
using KustoSpark.Config;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// The connection options shared by <see cref="KustoReadOptions"/> and <see cref="KustoWriteOptions"/>.
    /// Immutable: each setter returns a new object. Values are checked as they are set, by the same
    /// registry (<see cref="KustoOption"/>) that checks the options of a read or write, so a value
    /// these setters accept is accepted there.
    /// </summary>
    /// <typeparam name="T">The concrete options type, returned by the setters.</typeparam>
    public abstract partial class KustoConnectionOptions<T> : IEquatable<T> where T : KustoConnectionOptions<T>
    {
        private readonly IReadOnlyDictionary<KustoOption, string> values;

        internal KustoConnectionOptions(IReadOnlyDictionary<KustoOption, string> values)
        {
            this.values = values;
        }

        internal abstract T Copy(IReadOnlyDictionary<KustoOption, string> newValues);

        internal T With(KustoOption option, object value)
        {
            if (value == null) throw new ArgumentNullException("value", "option " + option.Key + " must not be null");
            string text;
            if (value is bool) text = (bool)value ? "true" : "false";
            else if (value is int) text = ((int)value).ToString(CultureInfo.InvariantCulture);
            else if (value is TimeSpan) text = WholeSeconds(option, (TimeSpan)value, KustoTimes.Format((TimeSpan)value));
            else if (option.Kind == OptionKind.Seconds) text = WholeSeconds(option, Timespan(option, (string)value), (string)value);
            else if (value is Enum) text = Enum.IsDefined(value.GetType(), value) ? value.ToString() : option.Validate(value.ToString());
            else if (value is ClientRequestProperties) text = ((ClientRequestProperties)value).ToJson();
            else if (value is SparkIngestionProperties) text = ((SparkIngestionProperties)value).ToJson();
            else text = (string)value;
            return WithText(option, text);
        }

        internal T WithText(KustoOption option, string text)
        {
            var next = values.ToDictionary(e => e.Key, e => e.Value);
            next[option] = option.Validate(text);
            return Copy(next);
        }

        /// <summary>
        /// The options as Spark's <c>DataFrameReader.Options</c> / <c>DataFrameWriter.Options</c> take
        /// them, in the registry's order whatever order the setters ran in. The map is read-only.
        /// </summary>
        public IDictionary<string, string> ToOptions()
        {
            var ordered = new Dictionary<string, string>();
            foreach (KustoOption option in KustoOption.All.Where(values.ContainsKey)) ordered.Add(option.Key, values[option]);
            return new ReadOnlyDictionary<string, string>(ordered);
        }

        /// <summary>Entra ID application authentication with a PKCS#12 certificate (options <c>kutoAadAppCertPath</c>, <c>kutoAadAppCertPassword</c>).</summary>
        /// <param name="pfxPath">The certificate's path.</param>
        /// <param name="password">Its password (secret), or null for none.</param>
        public T AadAppCertificate(string pfxPath, string password)
        {
            T withPath = With(KustoOption.KutoAadAppCertPath, pfxPath);
            return password == null ? withPath : withPath.With(KustoOption.KutoAadAppCertPassword, password);
        }

        private static TimeSpan Timespan(KustoOption option, string text)
        {
            TimeSpan? span = KustoTimes.ParseTimespan(text, option.Key);
            if (span == null)
            {
                throw new KustoOptionException("Option " + option.Key + " has value '" + text
                    + "': expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m.");
            }
            return span.Value;
        }

        // The option's value in seconds; messages show the timespan as given.
        private static string WholeSeconds(KustoOption option, TimeSpan value, string shown)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new KustoOptionException("Option " + option.Key + " has value " + shown + ": expected a positive timespan of whole seconds.");
            }
            if (value.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new KustoOptionException("Option " + option.Key + " is in whole seconds; " + shown + " has a fraction of a second.");
            }
            return (value.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The options with secrets shown as <c>&lt;hidden&gt;</c>, e.g. <c>KustoReadOptions{kustoCluster=..., accessToken=&lt;hidden&gt;}</c>.</summary>
        public override string ToString()
        {
            return GetType().Name + "{" + string.Join(", ", ToOptions().Select(e =>
                e.Key + "=" + (KustoOption.ForKey(e.Key).Secret ? "<hidden>" : e.Value))) + "}";
        }

        /// <summary>Whether <paramref name="other"/> holds the same options.</summary>
        /// <param name="other">Other options of the same type.</param>
        public bool Equals(T other)
        {
            return other != null && other.GetType() == GetType() && ToOptions().SequenceEqual(other.ToOptions());
        }

        /// <summary>Whether <paramref name="obj"/> is of the same type and holds the same options.</summary>
        /// <param name="obj">Another object.</param>
        public override bool Equals(object obj)
        {
            return Equals(obj as T);
        }

        /// <summary>A hash of the options.</summary>
        public override int GetHashCode()
        {
            int hash = GetType().GetHashCode();
            foreach (var e in ToOptions()) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(e.Key + "=" + e.Value);
            return hash;
        }
    }
}
