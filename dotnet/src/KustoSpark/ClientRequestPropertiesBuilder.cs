using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KustoSpark.Config;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Collects the options and parameters of a <see cref="ClientRequestProperties"/>; each setter
    /// checks its value and returns this builder, <see cref="Build"/> checks them together. Setters
    /// taking text accept Kusto timespans (<c>01:30:00</c>, <c>1.02:03:04.5</c>, <c>10m</c>) and
    /// ISO-8601 instants (<c>2024-01-02T03:04:05.1234567Z</c>).
    /// </summary>
    public sealed partial class ClientRequestPropertiesBuilder
    {
        private static readonly Regex Identifier = new Regex(@"\A[A-Za-z_][A-Za-z0-9_]*\z");
        private static readonly Regex WholeNumber = new Regex(@"\A\s*[+-]?[0-9]+\s*\z");

        internal readonly SortedDictionary<string, object> Options = new SortedDictionary<string, object>(StringComparer.Ordinal);
        internal readonly SortedDictionary<string, string> Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);

        internal ClientRequestPropertiesBuilder()
        {
        }

        private ClientRequestPropertiesBuilder Set(FieldSpec field, object value)
        {
            Options[field.Key] = FieldValue(field, value);
            return this;
        }

        /// <summary>
        /// Any option by name; a well-known name (in any case) is checked as its typed setter checks
        /// it. Values are <c>string</c>, <c>bool</c> or a number; well-known options also take their
        /// text forms, and a bare number of a timespan option is milliseconds, as the service reads it.
        /// </summary>
        /// <param name="name">The option's name.</param>
        /// <param name="value">The option's value.</param>
        public ClientRequestPropertiesBuilder Option(string name, object value)
        {
            RequireName(name, "option");
            if (value == null) throw new KustoOptionException("client request option '" + name + "' has a null value");
            FieldSpec field = ClientRequestFields.All.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field != null) return Set(field, FromScalar(field, value));
            if (value is int) value = (long)(int)value;
            bool finite = !(value is double) || !(double.IsNaN((double)value) || double.IsInfinity((double)value));
            if (!finite || !(value is string || value is bool || value is long || value is decimal || value is double || value is JsonNumber))
            {
                throw new KustoOptionException("client request option '" + name + "' must be a string, boolean or finite number, not " + value);
            }
            Options[name] = value;
            return this;
        }

        private ClientRequestPropertiesBuilder QueryParameter(string name, object value, ParameterType type, string literal)
        {
            RequireName(name, "parameter");
            if (!Identifier.IsMatch(name))
            {
                throw new KustoOptionException("query parameter name '" + name
                    + "' is not a valid identifier (letters, digits and '_', not starting with a digit)");
            }
            string what = "parameter " + name, text;
            Guid guid;
            switch (type)
            {
                case ParameterType.Instant:
                    text = KustoTimes.Format(value is DateTimeOffset ? ((DateTimeOffset)value).UtcDateTime : value is DateTime ? (DateTime)value
                        : Instant(what, (string)value));
                    break;
                case ParameterType.Timespan:
                    text = KustoTimes.Format(value is TimeSpan ? (TimeSpan)value : Timespan(what, (string)value));
                    break;
                case ParameterType.Real:
                    double d = (double)value;
                    text = double.IsNaN(d) ? "nan" : double.IsInfinity(d) ? (d > 0 ? "+inf" : "-inf") : d.ToString("R", CultureInfo.InvariantCulture);
                    break;
                case ParameterType.Guid:
                    if (value is string && !Guid.TryParseExact((string)value, "D", out guid))
                    {
                        throw new KustoOptionException("guid parameter '" + name + "' has value '" + value
                            + "'; expected a GUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427");
                    }
                    text = (value is Guid ? (Guid)value : Guid.ParseExact((string)value, "D")).ToString("D");
                    break;
                case ParameterType.Json:
                    text = Json.Write(Json.Parse((string)value, "dynamic parameter '" + name + "'"));
                    break;
                default:
                    if (value == null) throw new ArgumentNullException("value", "string parameter '" + name + "' must not be null");
                    text = value is string ? (string)value : Json.Write(value);
                    break;
            }
            Parameters[name] = literal == null ? text : literal + "(" + text + ")";
            return this;
        }

        /// <summary>Checks the options together (a datetime scope needs from before to) and returns the properties.</summary>
        /// <exception cref="ArgumentException">When <c>query_datetimescope_from</c> is after <c>query_datetimescope_to</c>.</exception>
        public ClientRequestProperties Build()
        {
            object from, to;
            // Both are canonical instant text, whose order is the instants' order.
            if (Options.TryGetValue(QueryDatetimeScopeFromKey, out from) && Options.TryGetValue(QueryDatetimeScopeToKey, out to)
                && string.CompareOrdinal((string)from, (string)to) > 0)
            {
                throw new KustoOptionException("client request property " + QueryDatetimeScopeFromKey + " (" + from + ") is after "
                    + QueryDatetimeScopeToKey + " (" + to + ")");
            }
            var known = ClientRequestProperties.KnownOptions.Where(Options.ContainsKey).ToList();
            var names = known.Concat(Options.Keys.Where(n => !known.Contains(n)));
            return new ClientRequestProperties(names.Select(n => new KeyValuePair<string, object>(n, Options[n])), Parameters);
        }

        private static string QueryDatetimeScopeFromKey { get { return ClientRequestFields.QueryDatetimeScopeFrom.Key; } }

        private static string QueryDatetimeScopeToKey { get { return ClientRequestFields.QueryDatetimeScopeTo.Key; } }

        internal static string RequireName(string name, string what)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new KustoOptionException("a client request " + what + " name must not be blank");
            return name;
        }

        // A typed setter's value, checked against the field's type and bounds, in canonical form.
        private static object FieldValue(FieldSpec field, object value)
        {
            string what = "client request property " + field.Key;
            switch (field.Type)
            {
                case FieldType.Timespan:
                    TimeSpan span = value is TimeSpan ? (TimeSpan)value : Timespan(field.Key, (string)value);
                    field.RequireBounds((decimal)span.Ticks / TimeSpan.TicksPerSecond, KustoTimes.Format(span));
                    return KustoTimes.Format(span);
                case FieldType.Instant:
                    DateTime at = value is DateTime ? (DateTime)value : value is DateTimeOffset ? ((DateTimeOffset)value).UtcDateTime
                        : Instant(field.Key, (string)value);
                    return KustoTimes.Format(at);
                case FieldType.Long:
                    field.RequireBounds((long)value, ((long)value).ToString(CultureInfo.InvariantCulture));
                    return value;
                case FieldType.Boolean:
                    return value;
            }
            var text = value as string;
            if (string.IsNullOrWhiteSpace(text)) throw new KustoOptionException(what + " must not be blank");
            if (field.Type != FieldType.Enum) return text;
            return field.Values.FirstOrDefault(v => v == text.Trim().ToLowerInvariant())
                ?? throw new KustoOptionException(what + " has value '" + text + "'; allowed values: " + string.Join(", ", field.Values));
        }

        // A JSON scalar (or a .NET value given to Option) as the field's setter takes it.
        private static object FromScalar(FieldSpec field, object value)
        {
            string what = "client request property " + field.Key;
            var number = value as JsonNumber;
            decimal d = 0;
            bool isNumber = number != null ? number.TryDecimal(out d)
                : value is long || value is int || value is decimal || (value is double && !double.IsNaN((double)value) && !double.IsInfinity((double)value));
            if (number == null && isNumber) d = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            switch (field.Type)
            {
                case FieldType.Timespan:
                    // The SDK and the service read a bare number of a timespan option as milliseconds.
                    if (isNumber) return TimeSpan.FromTicks((long)decimal.Truncate(d) * TimeSpan.TicksPerMillisecond);
                    if (value is TimeSpan) return value;
                    break;
                case FieldType.Instant:
                    if (isNumber) return d.ToString(CultureInfo.InvariantCulture);
                    if (value is DateTime || value is DateTimeOffset) return value;
                    break;
                case FieldType.Boolean:
                    var word = (value as string ?? "").Trim().ToLowerInvariant();
                    if (value is bool || word == "true" || word == "false") return value is bool ? value : word == "true";
                    throw new KustoOptionException(what + " has value '" + value + "'; allowed values: true, false");
                case FieldType.Long:
                    var s = value as string;
                    if (s != null && WholeNumber.IsMatch(s)) isNumber = decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite
                        | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out d);
                    if (isNumber && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue) return (long)d;
                    throw new KustoOptionException(what + " has value '" + value + "'; expected a whole number");
            }
            return value is string ? value : Json.Write(value);
        }

        private static TimeSpan Timespan(string what, string text)
        {
            TimeSpan? span = text == null ? null : KustoTimes.ParseTimespan(text, what);
            if (span == null)
            {
                throw new KustoOptionException(what + " has value '" + text + "'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m");
            }
            return span.Value;
        }

        private static DateTime Instant(string what, string text)
        {
            DateTime? at = text == null ? null : KustoTimes.ParseInstant(text, what);
            if (at == null)
            {
                throw new KustoOptionException(what + " has value '" + text + "'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z");
            }
            return at.Value;
        }
    }
}
