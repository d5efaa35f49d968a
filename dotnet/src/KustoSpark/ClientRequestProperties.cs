using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
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
    /// <see cref="ToJson"/> writes <c>{"Options":{...},"Parameters":{...}}</c>: the well-known options
    /// first, in the order of <see cref="KnownOptions"/>, then the others and the parameters sorted by
    /// name. Timespans print as <c>[-][d.]hh:mm:ss[.fffffff]</c>, instants as
    /// <c>2024-01-02T03:04:05.1234567Z</c>, parameters as CSL literal strings (<c>long(5)</c>,
    /// <c>datetime(...)</c>, strings raw).
    /// </remarks>
    /// <example>
    /// <code>
    /// var crp = ClientRequestProperties.Builder()
    ///     .ServerTimeout(TimeSpan.FromMinutes(10))
    ///     .LongParameter("n", 5)
    ///     .Build();
    /// string json = crp.ToJson();
    /// </code>
    /// </example>
    public sealed partial class ClientRequestProperties : IEquatable<ClientRequestProperties>
    {
        // Built on first use: the static fields of the generated part of this class may initialise after this one's.
        private static ClientRequestProperties empty;

        // Values are string (timespans, instants and text in Kusto's form), bool, long or a JSON number.
        private readonly List<KeyValuePair<string, object>> options;
        private readonly List<KeyValuePair<string, object>> parameters;

        internal ClientRequestProperties(IEnumerable<KeyValuePair<string, object>> options, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            this.options = options.ToList();
            this.parameters = parameters.Select(p => new KeyValuePair<string, object>(p.Key, p.Value)).ToList();
        }

        /// <summary>No options and no parameters.</summary>
        public static ClientRequestProperties Empty { get { return empty ?? (empty = new ClientRequestPropertiesBuilder().Build()); } }

        /// <summary>A builder with nothing set.</summary>
        public static ClientRequestPropertiesBuilder Builder()
        {
            return new ClientRequestPropertiesBuilder();
        }

        /// <summary>A builder holding this object's options and parameters, to derive a changed copy.</summary>
        public ClientRequestPropertiesBuilder ToBuilder()
        {
            var b = new ClientRequestPropertiesBuilder();
            foreach (var o in options) b.Options[o.Key] = o.Value;
            foreach (var p in parameters) b.Parameters[p.Key] = (string)p.Value;
            return b;
        }

        /// <summary>Options in canonical order; values are <c>string</c>, <c>bool</c>, <c>long</c>, <c>decimal</c> or <c>double</c>.</summary>
        public IReadOnlyDictionary<string, object> Options
        {
            get { return new ReadOnlyDictionary<string, object>(options.ToDictionary(o => o.Key, o => Public(o.Value))); }
        }

        /// <summary>Query parameters by name, values as CSL literal text.</summary>
        public IReadOnlyDictionary<string, string> Parameters
        {
            get { return new ReadOnlyDictionary<string, string>(parameters.ToDictionary(p => p.Key, p => (string)p.Value)); }
        }

        /// <summary>Whether there are neither options nor parameters.</summary>
        public bool IsEmpty { get { return options.Count == 0 && parameters.Count == 0; } }

        /// <summary>The value of option <paramref name="name"/> (exact spelling), or null.</summary>
        /// <param name="name">The option's name.</param>
        public object Option(string name)
        {
            return Public(options.FirstOrDefault(o => o.Key == name).Value);
        }

        private static object Public(object value)
        {
            var number = value as JsonNumber;
            decimal d;
            if (number == null) return value;
            return number.TryDecimal(out d) ? (object)d : double.Parse(number.Text, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The JSON (see the remarks).</summary>
        public string ToJson()
        {
            return Json.Write(new JsonObject
            {
                new KeyValuePair<string, object>("Options", options),
                new KeyValuePair<string, object>("Parameters", parameters),
            });
        }

        /// <summary>
        /// Parses the SDK's form (as its <c>ClientRequestProperties.ToString()</c> prints it, and as the
        /// established connector's <c>clientRequestPropertiesJson</c> holds it): an object with optional
        /// <c>Options</c> and <c>Parameters</c> objects. Well-known options are checked as their setters
        /// check them; other options keep their JSON value.
        /// </summary>
        /// <param name="json">The JSON.</param>
        /// <exception cref="ArgumentException">Naming the field and the value that cannot be used.</exception>
        public static ClientRequestProperties FromJson(string json)
        {
            object parsed = Json.Parse(json, "clientRequestPropertiesJson");
            var root = parsed as JsonObject;
            if (root == null)
            {
                throw new KustoOptionException("clientRequestPropertiesJson must be a JSON object {\"Options\":{...},\"Parameters\":{...}}, not a "
                    + Json.TypeName(parsed));
            }
            ClientRequestPropertiesBuilder b = Builder();
            foreach (var field in root)
            {
                if (field.Key != "Options" && field.Key != "Parameters")
                {
                    throw new KustoOptionException("clientRequestPropertiesJson has an unknown field '" + field.Key + "'; allowed fields: Options, Parameters");
                }
                var values = field.Value as JsonObject;
                if (values == null && field.Value != null)
                {
                    throw new KustoOptionException("clientRequestPropertiesJson field '" + field.Key + "' must be a JSON object");
                }
                foreach (var item in values ?? new JsonObject())
                {
                    if (field.Key == "Options") b.Option(item.Key, Scalar(item.Value, "clientRequestPropertiesJson Options." + item.Key));
                    else b.Parameters[ClientRequestPropertiesBuilder.RequireName(item.Key, "parameter")] = ParameterText(item.Value, item.Key);
                }
            }
            return b.Build();
        }

        private static object Scalar(object value, string where)
        {
            if (value is string || value is bool || value is JsonNumber) return value;
            throw new KustoOptionException(where + " must be a string, number or boolean, not " + Json.TypeName(value));
        }

        private static string ParameterText(object value, string name)
        {
            var number = value as JsonNumber;
            if (value is string) return (string)value;
            if (value is bool) return "bool(" + Json.Write(value) + ")";
            if (number != null) return (number.IsWhole ? "long(" : "real(") + number.Text + ")";
            throw new KustoOptionException("clientRequestPropertiesJson parameter '" + name
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

        /// <summary>The JSON, as <see cref="ToJson"/>.</summary>
        public override string ToString()
        {
            return ToJson();
        }
    }
}
