using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Kusto client request properties: options that shape how the service runs a query, and query
    /// parameter values for <c>declare query_parameters</c>. Immutable; build one with
    /// <see cref="Builder"/> or parse the option <c>clientRequestPropertiesJson</c> with
    /// <see cref="FromJson"/>.
    /// </summary>
    /// <remarks>
    /// The canonical JSON is <c>{"Options":{...},"Parameters":{...}}</c> with no whitespace, byte for
    /// byte the JVM connector's: the well-known options first in the order of
    /// <see cref="KnownOptions"/>, then other options sorted by name, then parameters sorted by name.
    /// Timespans print as <c>[-][d.]hh:mm:ss[.fffffff]</c>, instants as
    /// <c>2024-01-02T03:04:05.1234567Z</c>, parameters as CSL literal strings (<c>long(5)</c>,
    /// <c>datetime(...)</c>, strings raw).
    /// </remarks>
    /// <example>
    /// <code>
    /// var crp = ClientRequestProperties.Builder()
    ///     .ServerTimeout(TimeSpan.FromMinutes(10))
    ///     .LongParameter("n", 5)
    ///     .Build();
    /// // {"Options":{"servertimeout":"00:10:00"},"Parameters":{"n":"long(5)"}}
    /// string json = crp.ToJson();
    /// </code>
    /// </example>
    public sealed class ClientRequestProperties : IEquatable<ClientRequestProperties>
    {
        /// <summary>How long the service may run the request.</summary>
        public const string ServerTimeout = "servertimeout";

        /// <summary>Lift the request timeout to the service's maximum.</summary>
        public const string NoRequestTimeout = "norequesttimeout";

        /// <summary>Return all rows instead of failing past the result set limits.</summary>
        public const string NoTruncation = "notruncation";

        /// <summary>The most rows a result may hold.</summary>
        public const string TruncationMaxRecords = "truncationmaxrecords";

        /// <summary>The most bytes a result may hold.</summary>
        public const string TruncationMaxSize = "truncationmaxsize";

        /// <summary>The earliest datetime of the scoped column.</summary>
        public const string QueryDatetimeScopeFrom = "query_datetimescope_from";

        /// <summary>The latest datetime of the scoped column.</summary>
        public const string QueryDatetimeScopeTo = "query_datetimescope_to";

        /// <summary>The column the datetime scope applies to.</summary>
        public const string QueryDatetimeScopeColumn = "query_datetimescope_column";

        /// <summary>The application name the service records for the request.</summary>
        public const string RequestAppName = "request_app_name";

        /// <summary>Refuse anything that writes.</summary>
        public const string RequestReadonly = "request_readonly";

        /// <summary><c>csl</c> (= <c>kql</c>) or <c>sql</c>.</summary>
        public const string QueryLanguage = "query_language";

        /// <summary>Bytes one query operator may use.</summary>
        public const string MaxMemoryConsumptionPerIterator = "maxmemoryconsumptionperiterator";

        /// <summary>Bytes the query may use on one node.</summary>
        public const string MaxMemoryConsumptionPerQueryPerNode = "max_memory_consumption_per_query_per_node";

        /// <summary>The oldest cached result the query accepts.</summary>
        public const string QueryResultsCacheMaxAge = "query_results_cache_max_age";

        /// <summary>The id the service logs for the request.</summary>
        public const string ClientRequestId = "client_request_id";

        /// <summary>The options with typed setters, in canonical JSON order.</summary>
        public static readonly IReadOnlyList<string> KnownOptions = Array.AsReadOnly(new[]
        {
            ServerTimeout, NoRequestTimeout, NoTruncation, TruncationMaxRecords, TruncationMaxSize, QueryDatetimeScopeFrom,
            QueryDatetimeScopeTo, QueryDatetimeScopeColumn, RequestAppName, RequestReadonly, QueryLanguage,
            MaxMemoryConsumptionPerIterator, MaxMemoryConsumptionPerQueryPerNode, QueryResultsCacheMaxAge, ClientRequestId,
        });

        private static readonly ClientRequestProperties EmptyProperties = new ClientRequestPropertiesBuilder().Build();

        // Values are string (timespans, instants and text in canonical form), bool, long or JavaDecimal.
        private readonly OrderedMap<object> options;
        private readonly OrderedMap<string> parameters;

        internal ClientRequestProperties(IEnumerable<KeyValuePair<string, object>> options,
            IEnumerable<KeyValuePair<string, string>> parameters)
        {
            this.options = new OrderedMap<object>(options);
            this.parameters = new OrderedMap<string>(parameters);
        }

        /// <summary>No options and no parameters.</summary>
        public static ClientRequestProperties Empty { get { return EmptyProperties; } }

        /// <summary>A new builder with no options and no parameters.</summary>
        public static ClientRequestPropertiesBuilder Builder()
        {
            return new ClientRequestPropertiesBuilder();
        }

        /// <summary>A builder holding this object's options and parameters, to derive a changed copy.</summary>
        public ClientRequestPropertiesBuilder ToBuilder()
        {
            var b = new ClientRequestPropertiesBuilder();
            foreach (var o in options) b.Options[o.Key] = o.Value;
            foreach (var p in parameters) b.Parameters[p.Key] = p.Value;
            return b;
        }

        /// <summary>
        /// Options in canonical order; values are <c>string</c> (timespans and instants in their
        /// canonical text), <c>bool</c>, <c>long</c> or <c>decimal</c>.
        /// </summary>
        public IReadOnlyDictionary<string, object> Options
        {
            get { return new OrderedMap<object>(options.Select(o => new KeyValuePair<string, object>(o.Key, Public(o.Value)))); }
        }

        /// <summary>Query parameters by name, values as CSL literal text.</summary>
        public IReadOnlyDictionary<string, string> Parameters { get { return parameters; } }

        /// <summary>Whether there are neither options nor parameters.</summary>
        public bool IsEmpty { get { return options.Count == 0 && parameters.Count == 0; } }

        /// <summary>The value of option <paramref name="name"/> (as in <see cref="Options"/>), or null.</summary>
        /// <param name="name">The option's name as stored (well-known names in lower case).</param>
        public object Option(string name)
        {
            object value;
            return name != null && options.TryGetValue(name, out value) ? Public(value) : null;
        }

        private static object Public(object value)
        {
            JavaDecimal d = value as JavaDecimal;
            return d != null ? (object)d.ToDecimal() : value;
        }

        /// <summary>The canonical JSON (see the remarks of the class).</summary>
        public string ToJson()
        {
            var s = new StringBuilder("{\"Options\":{");
            bool first = true;
            foreach (var o in options)
            {
                if (!first) s.Append(',');
                first = false;
                JsonWriter.WriteString(s, o.Key);
                s.Append(':');
                WriteScalar(s, o.Value);
            }
            s.Append("},\"Parameters\":{");
            first = true;
            foreach (var p in parameters)
            {
                if (!first) s.Append(',');
                first = false;
                JsonWriter.WriteString(s, p.Key);
                s.Append(':');
                JsonWriter.WriteString(s, p.Value);
            }
            return s.Append("}}").ToString();
        }

        private static void WriteScalar(StringBuilder s, object value)
        {
            if (value is bool) s.Append((bool)value ? "true" : "false");
            else if (value is long || value is JavaDecimal) s.Append(JavaText.ValueToString(value));
            else JsonWriter.WriteString(s, (string)value);
        }

        /// <summary>
        /// Parses the SDK's form (as the SDK's <c>ClientRequestProperties.ToString()</c> prints it, and
        /// as the established connector's <c>clientRequestPropertiesJson</c> holds it): an object with
        /// optional <c>Options</c> and <c>Parameters</c> objects. Well-known options are validated and
        /// brought to their canonical form; other options keep their JSON scalar value.
        /// </summary>
        /// <param name="json">The JSON text.</param>
        /// <exception cref="ArgumentException">Naming the field and the value that cannot be used.</exception>
        public static ClientRequestProperties FromJson(string json)
        {
            if (json == null) throw new ArgumentNullException("json", "clientRequestPropertiesJson must not be null");
            JsonValue root = JsonReader.Parse(json, "clientRequestPropertiesJson");
            if (!root.IsObject)
            {
                throw new ArgumentException("clientRequestPropertiesJson must be a JSON object"
                    + " {\"Options\":{...},\"Parameters\":{...}}, not a " + root.TypeName);
            }
            ClientRequestPropertiesBuilder b = Builder();
            foreach (var field in root.Fields)
            {
                JsonValue value = field.Value;
                switch (field.Key)
                {
                    case "Options":
                        RequireObjectOrNull(value, "Options");
                        if (value.IsObject)
                        {
                            foreach (var o in value.Fields) b.Option(o.Key, Scalar(o.Value, "Options." + o.Key));
                        }
                        break;
                    case "Parameters":
                        RequireObjectOrNull(value, "Parameters");
                        if (value.IsObject)
                        {
                            foreach (var p in value.Fields)
                            {
                                b.Parameters[ClientRequestPropertiesBuilder.RequireName(p.Key, "parameter")] = ParameterText(p.Value, p.Key);
                            }
                        }
                        break;
                    default:
                        throw new ArgumentException("clientRequestPropertiesJson has an unknown field '" + field.Key
                            + "'; allowed fields: Options, Parameters");
                }
            }
            return b.Build();
        }

        private static void RequireObjectOrNull(JsonValue value, string field)
        {
            if (!value.IsObject && !value.IsNull)
            {
                throw new ArgumentException("clientRequestPropertiesJson field '" + field + "' must be a JSON object");
            }
        }

        private static object Scalar(JsonValue v, string where)
        {
            if (v.IsBoolean) return v.BooleanValue;
            if (v.IsIntegralNumber && v.CanConvertToLong) return v.LongValue;
            if (v.IsNumber) return v.DecimalValue;
            if (v.IsTextual) return v.TextValue;
            throw new ArgumentException("clientRequestPropertiesJson " + where + " must be a string, number or boolean, not " + v.TypeName);
        }

        private static string ParameterText(JsonValue v, string name)
        {
            if (v.IsTextual) return v.TextValue;
            if (v.IsBoolean) return "bool(" + (v.BooleanValue ? "true" : "false") + ")";
            if (v.IsIntegralNumber) return "long(" + v.NumberText + ")";
            if (v.IsNumber) return "real(" + v.DecimalValue.ToPlainString() + ")";
            throw new ArgumentException("clientRequestPropertiesJson parameter '" + name
                + "' must be a string (a CSL literal such as long(5)), number or boolean");
        }

        /// <summary>Whether <paramref name="obj"/> holds the same options and parameters.</summary>
        /// <param name="obj">Another object.</param>
        public override bool Equals(object obj)
        {
            return Equals(obj as ClientRequestProperties);
        }

        /// <summary>Whether <paramref name="other"/> holds the same options and parameters.</summary>
        /// <param name="other">Other properties.</param>
        public bool Equals(ClientRequestProperties other)
        {
            return other != null && ToJson() == other.ToJson();
        }

        /// <summary>A hash of the options and parameters.</summary>
        public override int GetHashCode()
        {
            return StringComparer.Ordinal.GetHashCode(ToJson());
        }

        /// <summary>The canonical JSON (client request properties hold no secrets).</summary>
        public override string ToString()
        {
            return ToJson();
        }
    }
}
