using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KustoSpark.Text
{
    internal enum JsonKind { Object, Array, String, Number, Boolean, Null }

    /// A parsed JSON value. Numbers behave as the JVM connector's JSON tree reads them: whole numbers
    /// as long (or arbitrary digits), others as exact decimals keeping the digits they were written
    /// with (1.50 stays 1.50); objects keep their fields in document order.
    internal sealed class JsonValue
    {
        private readonly List<KeyValuePair<string, JsonValue>> fields;
        private readonly List<JsonValue> elements;
        private readonly string text;   // string value, or a number's source text
        private readonly bool boolean;

        private JsonValue(JsonKind kind, string text, bool boolean,
            List<KeyValuePair<string, JsonValue>> fields, List<JsonValue> elements)
        {
            Kind = kind;
            this.text = text;
            this.boolean = boolean;
            this.fields = fields;
            this.elements = elements;
        }

        internal static readonly JsonValue Null = new JsonValue(JsonKind.Null, null, false, null, null);

        internal static JsonValue Of(string s) { return new JsonValue(JsonKind.String, s, false, null, null); }

        internal static JsonValue Of(bool b) { return new JsonValue(JsonKind.Boolean, null, b, null, null); }

        internal static JsonValue Number(string source) { return new JsonValue(JsonKind.Number, source, false, null, null); }

        internal static JsonValue Object(List<KeyValuePair<string, JsonValue>> f) { return new JsonValue(JsonKind.Object, null, false, f, null); }

        internal static JsonValue Array(List<JsonValue> e) { return new JsonValue(JsonKind.Array, null, false, null, e); }

        internal JsonKind Kind { get; }

        internal bool IsNull { get { return Kind == JsonKind.Null; } }

        internal bool IsTextual { get { return Kind == JsonKind.String; } }

        internal bool IsBoolean { get { return Kind == JsonKind.Boolean; } }

        internal bool IsNumber { get { return Kind == JsonKind.Number; } }

        internal bool IsObject { get { return Kind == JsonKind.Object; } }

        internal bool IsArray { get { return Kind == JsonKind.Array; } }

        internal string TextValue { get { return text; } }

        internal bool BooleanValue { get { return boolean; } }

        internal IList<KeyValuePair<string, JsonValue>> Fields { get { return fields; } }

        internal IList<JsonValue> Elements { get { return elements; } }

        /// The value of field name, or null when absent.
        internal JsonValue Get(string name)
        {
            foreach (var f in fields) if (f.Key == name) return f.Value;
            return null;
        }

        /// Present and not JSON null.
        internal bool HasNonNull(string name)
        {
            JsonValue v = Get(name);
            return v != null && !v.IsNull;
        }

        /// A number without fraction or exponent.
        internal bool IsIntegralNumber
        {
            get { return Kind == JsonKind.Number && text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0; }
        }

        internal bool CanConvertToLong
        {
            get { long l; return IsIntegralNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l); }
        }

        internal long LongValue
        {
            get { return JavaDecimal.Parse(text).LongValue(); }
        }

        /// The number as an exact BigDecimal-like value, with the digits it was written with.
        internal JavaDecimal DecimalValue
        {
            get { return JavaDecimal.Parse(text); }
        }

        /// The number's text as the JVM's tree prints it: whole numbers as digits, others as
        /// BigDecimal.toString (1.50, 1E+3).
        internal string NumberText
        {
            get
            {
                JavaDecimal d = JavaDecimal.Parse(text);
                return IsIntegralNumber ? d.ToPlainString() : d.ToString();
            }
        }

        /// JsonNode.asText: strings raw, numbers and literals as text, containers empty.
        internal string AsText()
        {
            switch (Kind)
            {
                case JsonKind.String: return text;
                case JsonKind.Number: return NumberText;
                case JsonKind.Boolean: return boolean ? "true" : "false";
                case JsonKind.Null: return "null";
                default: return "";
            }
        }

        /// The lower-case type name the JVM's messages use (string, number, object...).
        internal string TypeName
        {
            get { return Kind.ToString().ToLowerInvariant(); }
        }

        /// Compact JSON, as the JVM's JsonNode.toString writes it.
        public override string ToString()
        {
            var s = new StringBuilder();
            JsonWriter.WriteValue(s, this);
            return s.ToString();
        }
    }
}
