using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Collects the options and parameters of a <see cref="ClientRequestProperties"/>; each setter
    /// checks its value and returns this builder, <see cref="Build"/> checks them together. Setters
    /// taking text accept what the JVM connector's JSON holds: Kusto timespans (<c>01:30:00</c>,
    /// <c>1.02:03:04.5</c>, <c>10m</c>) and ISO-8601 instants (<c>2024-01-02T03:04:05.1234567Z</c>).
    /// </summary>
    public sealed class ClientRequestPropertiesBuilder
    {
        private static readonly string[] QueryLanguages = { "csl", "kql", "sql" };
        private static readonly Regex Identifier = new Regex(@"\A[A-Za-z_][A-Za-z0-9_]*\z");

        internal readonly SortedDictionary<string, object> Options = new SortedDictionary<string, object>(StringComparer.Ordinal);
        internal readonly SortedDictionary<string, string> Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);

        internal ClientRequestPropertiesBuilder()
        {
        }

        /// <summary><c>servertimeout</c>: how long the service may run the request (positive; the SDK caps it at 1 hour).</summary>
        /// <param name="timeout">A positive timespan.</param>
        public ClientRequestPropertiesBuilder ServerTimeout(TimeSpan timeout)
        {
            return ServerTimeout(JavaDuration.FromTimeSpan(timeout));
        }

        /// <summary><c>servertimeout</c> from a Kusto timespan (<c>00:10:00</c>, <c>10m</c>).</summary>
        /// <param name="timeout">A positive Kusto timespan.</param>
        public ClientRequestPropertiesBuilder ServerTimeout(string timeout)
        {
            return ServerTimeout(TimespanValue(ClientRequestProperties.ServerTimeout, RequireNotNull(timeout, ClientRequestProperties.ServerTimeout)));
        }

        private ClientRequestPropertiesBuilder ServerTimeout(JavaDuration timeout)
        {
            RequirePositive(timeout, ClientRequestProperties.ServerTimeout);
            return Put(ClientRequestProperties.ServerTimeout, KustoTimes.Timespan(timeout, ClientRequestProperties.ServerTimeout));
        }

        /// <summary><c>norequesttimeout</c>: lift the request timeout to the service's maximum.</summary>
        /// <param name="value">Whether to lift it.</param>
        public ClientRequestPropertiesBuilder NoRequestTimeout(bool value)
        {
            return Put(ClientRequestProperties.NoRequestTimeout, value);
        }

        /// <summary><c>notruncation</c>: return all rows instead of failing past the result set limits.</summary>
        /// <param name="value">Whether to return all rows.</param>
        public ClientRequestPropertiesBuilder NoTruncation(bool value)
        {
            return Put(ClientRequestProperties.NoTruncation, value);
        }

        /// <summary><c>truncationmaxrecords</c>: the most rows a result may hold.</summary>
        /// <param name="records">Rows, at least 0.</param>
        public ClientRequestPropertiesBuilder TruncationMaxRecords(long records)
        {
            return Put(ClientRequestProperties.TruncationMaxRecords, RequireNonNegative(records, ClientRequestProperties.TruncationMaxRecords));
        }

        /// <summary><c>truncationmaxsize</c>: the most bytes a result may hold.</summary>
        /// <param name="bytes">Bytes, at least 0.</param>
        public ClientRequestPropertiesBuilder TruncationMaxSize(long bytes)
        {
            return Put(ClientRequestProperties.TruncationMaxSize, RequireNonNegative(bytes, ClientRequestProperties.TruncationMaxSize));
        }

        /// <summary><c>query_datetimescope_from</c>: the earliest datetime of the scoped column (UTC).</summary>
        /// <param name="from">The instant; a DateTime of kind Unspecified is taken as UTC.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeFrom(DateTime from)
        {
            return PutInstant(ClientRequestProperties.QueryDatetimeScopeFrom, JavaInstant.FromDateTime(from));
        }

        /// <summary><c>query_datetimescope_from</c>: the earliest datetime of the scoped column.</summary>
        /// <param name="from">The instant.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeFrom(DateTimeOffset from)
        {
            return QueryDatetimeScopeFrom(from.UtcDateTime);
        }

        /// <summary><c>query_datetimescope_from</c> from ISO-8601 text (<c>2024-01-02T03:04:05.1234567Z</c>).</summary>
        /// <param name="from">The instant as text.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeFrom(string from)
        {
            string name = ClientRequestProperties.QueryDatetimeScopeFrom;
            return PutInstant(name, InstantValue(name, RequireNotNull(from, name)));
        }

        /// <summary><c>query_datetimescope_to</c>: the latest datetime of the scoped column (UTC).</summary>
        /// <param name="to">The instant; a DateTime of kind Unspecified is taken as UTC.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeTo(DateTime to)
        {
            return PutInstant(ClientRequestProperties.QueryDatetimeScopeTo, JavaInstant.FromDateTime(to));
        }

        /// <summary><c>query_datetimescope_to</c>: the latest datetime of the scoped column.</summary>
        /// <param name="to">The instant.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeTo(DateTimeOffset to)
        {
            return QueryDatetimeScopeTo(to.UtcDateTime);
        }

        /// <summary><c>query_datetimescope_to</c> from ISO-8601 text.</summary>
        /// <param name="to">The instant as text.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeTo(string to)
        {
            string name = ClientRequestProperties.QueryDatetimeScopeTo;
            return PutInstant(name, InstantValue(name, RequireNotNull(to, name)));
        }

        /// <summary><c>query_datetimescope_column</c>: the column the datetime scope applies to.</summary>
        /// <param name="column">A column name.</param>
        public ClientRequestPropertiesBuilder QueryDatetimeScopeColumn(string column)
        {
            return Put(ClientRequestProperties.QueryDatetimeScopeColumn, RequireText(column, ClientRequestProperties.QueryDatetimeScopeColumn));
        }

        /// <summary><c>request_app_name</c>: the application name the service records for the request.</summary>
        /// <param name="name">The application's name.</param>
        public ClientRequestPropertiesBuilder RequestAppName(string name)
        {
            return Put(ClientRequestProperties.RequestAppName, RequireText(name, ClientRequestProperties.RequestAppName));
        }

        /// <summary><c>request_readonly</c>: refuse anything that writes.</summary>
        /// <param name="value">Whether to refuse writes.</param>
        public ClientRequestPropertiesBuilder RequestReadonly(bool value)
        {
            return Put(ClientRequestProperties.RequestReadonly, value);
        }

        /// <summary><c>query_language</c>: <c>csl</c> (= <c>kql</c>) or <c>sql</c>, in any case.</summary>
        /// <param name="language">The language.</param>
        public ClientRequestPropertiesBuilder QueryLanguage(string language)
        {
            string l = RequireText(language, ClientRequestProperties.QueryLanguage).ToLowerInvariant();
            if (!QueryLanguages.Contains(l))
            {
                throw new ArgumentException("client request property " + ClientRequestProperties.QueryLanguage + " has value '"
                    + language + "'; allowed values: " + string.Join(", ", QueryLanguages));
            }
            return Put(ClientRequestProperties.QueryLanguage, l);
        }

        /// <summary><c>maxmemoryconsumptionperiterator</c>: bytes one query operator may use.</summary>
        /// <param name="bytes">Bytes, more than 0.</param>
        public ClientRequestPropertiesBuilder MaxMemoryConsumptionPerIterator(long bytes)
        {
            return Put(ClientRequestProperties.MaxMemoryConsumptionPerIterator, RequirePositive(bytes, ClientRequestProperties.MaxMemoryConsumptionPerIterator));
        }

        /// <summary><c>max_memory_consumption_per_query_per_node</c>: bytes the query may use on one node.</summary>
        /// <param name="bytes">Bytes, more than 0.</param>
        public ClientRequestPropertiesBuilder MaxMemoryConsumptionPerQueryPerNode(long bytes)
        {
            return Put(ClientRequestProperties.MaxMemoryConsumptionPerQueryPerNode, RequirePositive(bytes, ClientRequestProperties.MaxMemoryConsumptionPerQueryPerNode));
        }

        /// <summary><c>query_results_cache_max_age</c>: the oldest cached result the query accepts.</summary>
        /// <param name="maxAge">A timespan, at least 0.</param>
        public ClientRequestPropertiesBuilder QueryResultsCacheMaxAge(TimeSpan maxAge)
        {
            return QueryResultsCacheMaxAge(JavaDuration.FromTimeSpan(maxAge));
        }

        /// <summary><c>query_results_cache_max_age</c> from a Kusto timespan.</summary>
        /// <param name="maxAge">A Kusto timespan, at least 0.</param>
        public ClientRequestPropertiesBuilder QueryResultsCacheMaxAge(string maxAge)
        {
            string name = ClientRequestProperties.QueryResultsCacheMaxAge;
            return QueryResultsCacheMaxAge(TimespanValue(name, RequireNotNull(maxAge, name)));
        }

        private ClientRequestPropertiesBuilder QueryResultsCacheMaxAge(JavaDuration maxAge)
        {
            string name = ClientRequestProperties.QueryResultsCacheMaxAge;
            if (maxAge.IsNegative)
            {
                throw new ArgumentException("client request property " + name + " must not be negative, not "
                    + KustoTimes.Timespan(maxAge, name));
            }
            return Put(name, KustoTimes.Timespan(maxAge, name));
        }

        /// <summary><c>client_request_id</c>: the id the service logs for the request (otherwise the connector makes one).</summary>
        /// <param name="id">The request id.</param>
        public ClientRequestPropertiesBuilder ClientRequestId(string id)
        {
            return Put(ClientRequestProperties.ClientRequestId, RequireText(id, ClientRequestProperties.ClientRequestId));
        }

        /// <summary>
        /// Any option by name; a well-known name (in any case) is checked as its typed setter checks
        /// it. Values are <c>string</c>, <c>bool</c>, a whole number or a decimal number (and
        /// <c>TimeSpan</c>, <c>DateTime</c> or <c>DateTimeOffset</c> for the well-known options of those types).
        /// </summary>
        /// <param name="name">The option's name.</param>
        /// <param name="value">The option's value.</param>
        public ClientRequestPropertiesBuilder Option(string name, object value)
        {
            RequireName(name, "option");
            if (value == null) throw new ArgumentNullException("value", "client request option '" + name + "' has a null value");
            string known = ClientRequestProperties.KnownOptions.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (known != null) return KnownOption(known, value);
            object canonical;
            if (value is string || value is bool || value is long || value is JavaDecimal) canonical = value;
            else if (value is int || value is short || value is sbyte || value is byte || value is ushort || value is uint)
                canonical = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            else if (value is ulong && (ulong)value <= long.MaxValue) canonical = (long)(ulong)value;
            else if (value is double || value is float) canonical = JavaDecimal.Parse(JavaText.ValueToString(value));
            else if (value is decimal) canonical = JavaDecimal.FromDecimal((decimal)value);
            else
            {
                throw new ArgumentException("client request option '" + name
                    + "' must be a string, boolean or number, not " + value.GetType().Name);
            }
            return Put(name, canonical);
        }

        private ClientRequestPropertiesBuilder KnownOption(string name, object value)
        {
            switch (name)
            {
                case ClientRequestProperties.ServerTimeout: return ServerTimeout(TimespanValue(name, value));
                case ClientRequestProperties.QueryResultsCacheMaxAge: return QueryResultsCacheMaxAge(TimespanValue(name, value));
                case ClientRequestProperties.NoRequestTimeout: return NoRequestTimeout(BooleanValue(name, value));
                case ClientRequestProperties.NoTruncation: return NoTruncation(BooleanValue(name, value));
                case ClientRequestProperties.RequestReadonly: return RequestReadonly(BooleanValue(name, value));
                case ClientRequestProperties.TruncationMaxRecords: return TruncationMaxRecords(LongValue(name, value));
                case ClientRequestProperties.TruncationMaxSize: return TruncationMaxSize(LongValue(name, value));
                case ClientRequestProperties.MaxMemoryConsumptionPerIterator: return MaxMemoryConsumptionPerIterator(LongValue(name, value));
                case ClientRequestProperties.MaxMemoryConsumptionPerQueryPerNode: return MaxMemoryConsumptionPerQueryPerNode(LongValue(name, value));
                case ClientRequestProperties.QueryDatetimeScopeFrom: return PutInstant(name, InstantValue(name, value));
                case ClientRequestProperties.QueryDatetimeScopeTo: return PutInstant(name, InstantValue(name, value));
                case ClientRequestProperties.QueryDatetimeScopeColumn: return QueryDatetimeScopeColumn(JavaText.ValueToString(value));
                case ClientRequestProperties.RequestAppName: return RequestAppName(JavaText.ValueToString(value));
                case ClientRequestProperties.QueryLanguage: return QueryLanguage(JavaText.ValueToString(value));
                default: return ClientRequestId(JavaText.ValueToString(value));
            }
        }

        /// <summary>A <c>string</c> parameter, sent as the raw text.</summary>
        /// <param name="name">The parameter's name: letters, digits and '_', not starting with a digit.</param>
        /// <param name="value">The text.</param>
        public ClientRequestPropertiesBuilder StringParameter(string name, string value)
        {
            return Parameter(name, RequireNotNull(value, name));
        }

        /// <summary>A <c>long</c> parameter: <c>long(5)</c>.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The value.</param>
        public ClientRequestPropertiesBuilder LongParameter(string name, long value)
        {
            return Parameter(name, "long(" + value.ToString(CultureInfo.InvariantCulture) + ")");
        }

        /// <summary>
        /// A <c>real</c> parameter: <c>real(1.5)</c>, <c>real(nan)</c>, <c>real(+inf)</c>; the digits of
        /// Java's <c>Double.toString</c> in plain notation (<c>real(1.0)</c>, <c>real(0.00000010)</c>,
        /// <c>real(100000000000000000000)</c>), as the JVM connector prints them.
        /// </summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The value.</param>
        public ClientRequestPropertiesBuilder RealParameter(string name, double value)
        {
            string text = double.IsNaN(value) ? "nan" : double.IsInfinity(value) ? (value > 0 ? "+inf" : "-inf")
                : JavaDecimal.FromDouble(value).ToPlainString();
            return Parameter(name, "real(" + text + ")");
        }

        /// <summary>A <c>bool</c> parameter: <c>bool(true)</c>.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The value.</param>
        public ClientRequestPropertiesBuilder BoolParameter(string name, bool value)
        {
            return Parameter(name, value ? "bool(true)" : "bool(false)");
        }

        /// <summary>A <c>datetime</c> parameter: <c>datetime(2024-01-02T03:04:05.1234567Z)</c>.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The instant; a DateTime of kind Unspecified is taken as UTC.</param>
        public ClientRequestPropertiesBuilder DatetimeParameter(string name, DateTime value)
        {
            return DatetimeParameter(name, JavaInstant.FromDateTime(value));
        }

        /// <summary>A <c>datetime</c> parameter.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The instant.</param>
        public ClientRequestPropertiesBuilder DatetimeParameter(string name, DateTimeOffset value)
        {
            return DatetimeParameter(name, value.UtcDateTime);
        }

        /// <summary>A <c>datetime</c> parameter from ISO-8601 text (<c>2024-01-02T03:04:05.1234567Z</c>).</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The instant as text.</param>
        public ClientRequestPropertiesBuilder DatetimeParameter(string name, string value)
        {
            JavaInstant? parsed = KustoTimes.ParseInstantOrNull(RequireNotNull(value, name));
            if (parsed == null)
            {
                throw new ArgumentException("query parameter '" + name + "' has value '" + value
                    + "'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z");
            }
            return DatetimeParameter(name, parsed.Value);
        }

        private ClientRequestPropertiesBuilder DatetimeParameter(string name, JavaInstant value)
        {
            return Parameter(name, "datetime(" + KustoTimes.Instant(value, "parameter " + name) + ")");
        }

        /// <summary>A <c>timespan</c> parameter: <c>time(1.02:03:04.5000000)</c>.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The timespan.</param>
        public ClientRequestPropertiesBuilder TimespanParameter(string name, TimeSpan value)
        {
            return TimespanParameter(name, JavaDuration.FromTimeSpan(value));
        }

        /// <summary>A <c>timespan</c> parameter from a Kusto timespan (<c>1.02:03:04.5</c>, <c>10m</c>).</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The timespan as text.</param>
        public ClientRequestPropertiesBuilder TimespanParameter(string name, string value)
        {
            JavaDuration? parsed = KustoTimes.ParseTimespanOrNull(RequireNotNull(value, name));
            if (parsed == null)
            {
                throw new ArgumentException("query parameter '" + name + "' has value '" + value
                    + "'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m");
            }
            return TimespanParameter(name, parsed.Value);
        }

        private ClientRequestPropertiesBuilder TimespanParameter(string name, JavaDuration value)
        {
            return Parameter(name, "time(" + KustoTimes.Timespan(value, "parameter " + name) + ")");
        }

        /// <summary>A <c>guid</c> parameter: <c>guid(...)</c>.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The GUID.</param>
        public ClientRequestPropertiesBuilder GuidParameter(string name, Guid value)
        {
            return Parameter(name, "guid(" + value.ToString("D") + ")");
        }

        /// <summary>A <c>guid</c> parameter from text (<c>8-4-4-4-12</c> hexadecimal digits).</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="value">The GUID as text.</param>
        public ClientRequestPropertiesBuilder GuidParameter(string name, string value)
        {
            Guid guid;
            if (!Guid.TryParseExact(JavaText.Trim(RequireNotNull(value, name)), "D", out guid))
            {
                throw new ArgumentException("query parameter '" + name + "' has value '" + value
                    + "'; expected a GUID such as 123e4567-e89b-12d3-a456-426614174000");
            }
            return GuidParameter(name, guid);
        }

        /// <summary>A <c>dynamic</c> parameter from JSON text: <c>dynamic({"a":1})</c>, re-serialised without whitespace.</summary>
        /// <param name="name">The parameter's name.</param>
        /// <param name="json">The value as JSON.</param>
        public ClientRequestPropertiesBuilder DynamicParameter(string name, string json)
        {
            JsonValue node = JsonReader.Parse(RequireNotNull(json, name), "dynamic parameter '" + name + "'");
            return Parameter(name, "dynamic(" + node + ")");
        }

        private ClientRequestPropertiesBuilder Parameter(string name, string literal)
        {
            RequireName(name, "parameter");
            if (!Identifier.IsMatch(name))
            {
                throw new ArgumentException("query parameter name '" + name
                    + "' is not a valid identifier (letters, digits and '_', not starting with a digit)");
            }
            Parameters[name] = literal;
            return this;
        }

        private ClientRequestPropertiesBuilder PutInstant(string name, JavaInstant value)
        {
            return Put(name, KustoTimes.Instant(value, name));
        }

        private ClientRequestPropertiesBuilder Put(string name, object value)
        {
            Options[name] = value;
            return this;
        }

        /// <summary>Checks the options together (a datetime scope needs from before to) and returns the properties.</summary>
        /// <exception cref="ArgumentException">When <c>query_datetimescope_from</c> is after <c>query_datetimescope_to</c>.</exception>
        public ClientRequestProperties Build()
        {
            object from, to;
            if (Options.TryGetValue(ClientRequestProperties.QueryDatetimeScopeFrom, out from)
                && Options.TryGetValue(ClientRequestProperties.QueryDatetimeScopeTo, out to)
                && KustoTimes.ParseInstantOrNull((string)from).Value.CompareTo(KustoTimes.ParseInstantOrNull((string)to).Value) > 0)
            {
                throw new ArgumentException("client request property " + ClientRequestProperties.QueryDatetimeScopeFrom + " (" + from
                    + ") is after " + ClientRequestProperties.QueryDatetimeScopeTo + " (" + to + ")");
            }
            var ordered = new List<KeyValuePair<string, object>>();
            foreach (string known in ClientRequestProperties.KnownOptions)
            {
                object v;
                if (Options.TryGetValue(known, out v)) ordered.Add(new KeyValuePair<string, object>(known, v));
            }
            ordered.AddRange(Options.Where(o => !ClientRequestProperties.KnownOptions.Contains(o.Key)));
            return new ClientRequestProperties(ordered, Parameters.ToList());
        }

        private static JavaDuration TimespanValue(string name, object value)
        {
            if (value is TimeSpan) return JavaDuration.FromTimeSpan((TimeSpan)value);
            if (IsNumber(value))
            {
                // The SDK and the service read a bare number of servertimeout as milliseconds.
                return new JavaDuration((decimal)NumberLongValue(value) * 1000000);
            }
            JavaDuration? d = KustoTimes.ParseTimespanOrNull(JavaText.ValueToString(value));
            if (d == null)
            {
                throw new ArgumentException("client request property " + name + " has value '" + JavaText.ValueToString(value)
                    + "'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m");
            }
            return d.Value;
        }

        private static bool BooleanValue(string name, object value)
        {
            if (value is bool) return (bool)value;
            string text = JavaText.Trim(JavaText.ValueToString(value));
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
            throw new ArgumentException("client request property " + name + " has value '" + JavaText.ValueToString(value)
                + "'; allowed values: true, false");
        }

        private static long LongValue(string name, object value)
        {
            long result;
            JavaDecimal d = value as JavaDecimal ?? (value is decimal ? JavaDecimal.FromDecimal((decimal)value) : null);
            if (d != null)
            {
                if (d.TryLongValueExact(out result)) return result;
            }
            else if (IsNumber(value))
            {
                return NumberLongValue(value);
            }
            else if (long.TryParse(JavaText.Trim(JavaText.ValueToString(value)), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out result))
            {
                return result;
            }
            throw new ArgumentException("client request property " + name + " has value '" + JavaText.ValueToString(value)
                + "'; expected a whole number");
        }

        private static JavaInstant InstantValue(string name, object value)
        {
            if (value is DateTime) return JavaInstant.FromDateTime((DateTime)value);
            if (value is DateTimeOffset) return JavaInstant.FromDateTime(((DateTimeOffset)value).UtcDateTime);
            JavaInstant? i = KustoTimes.ParseInstantOrNull(JavaText.ValueToString(value));
            if (i == null)
            {
                throw new ArgumentException("client request property " + name + " has value '" + JavaText.ValueToString(value)
                    + "'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z");
            }
            return i.Value;
        }

        private static bool IsNumber(object value)
        {
            return value is long || value is int || value is short || value is sbyte || value is byte || value is ushort
                || value is uint || value is ulong || value is double || value is float || value is decimal || value is JavaDecimal;
        }

        // Number.longValue: whole numbers as they are, others truncated towards zero (saturating).
        private static long NumberLongValue(object value)
        {
            if (value is JavaDecimal) return ((JavaDecimal)value).LongValue();
            if (value is decimal) return JavaDecimal.FromDecimal((decimal)value).LongValue();
            if (value is double || value is float)
            {
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(d)) return 0;
                if (d >= long.MaxValue) return long.MaxValue;
                if (d <= long.MinValue) return long.MinValue;
                return (long)d;
            }
            if (value is ulong) return unchecked((long)(ulong)value);
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        private static void RequirePositive(JavaDuration d, string name)
        {
            if (d.IsNegative || d.IsZero)
            {
                throw new ArgumentException("client request property " + name + " must be positive, not " + KustoTimes.Timespan(d, name));
            }
        }

        private static long RequirePositive(long v, string name)
        {
            if (v <= 0)
            {
                throw new ArgumentException("client request property " + name + " must be positive, not " + v.ToString(CultureInfo.InvariantCulture));
            }
            return v;
        }

        private static long RequireNonNegative(long v, string name)
        {
            if (v < 0)
            {
                throw new ArgumentException("client request property " + name + " must not be negative, not " + v.ToString(CultureInfo.InvariantCulture));
            }
            return v;
        }

        private static string RequireText(string v, string name)
        {
            if (v == null || JavaText.IsBlank(v))
            {
                throw new ArgumentException("client request property " + name + " must not be blank");
            }
            return v;
        }

        internal static string RequireName(string name, string what)
        {
            if (name == null || JavaText.IsBlank(name))
            {
                throw new ArgumentException("a client request " + what + " name must not be blank");
            }
            return name;
        }

        private static T RequireNotNull<T>(T value, string name) where T : class
        {
            if (value == null) throw new ArgumentNullException(name, name + " must not be null");
            return value;
        }
    }
}
