using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KustoSpark.Text
{
    internal enum JsonKind { Object, Array, String, Number, Boolean, Null }

    // A parsed JSON value. Numbers behave as the JVM connector's JSON tree reads them: whole numbers
    // as long (or arbitrary digits), others as double, or, where the connector reads them exactly
    // (sparkIngestionPropertiesJson), as decimals keeping the digits they were written with (1.50
    // stays 1.50). Objects keep their fields in document order.
    internal sealed class JsonValue
    {
        private readonly List<KeyValuePair<string, JsonValue>> fields;
        private readonly List<JsonValue> elements;
        private readonly string text;   // string value, or a number's source text
        private readonly bool boolean;
        private readonly bool exact;    // a number read as an exact decimal, not as a double

        private JsonValue(JsonKind kind, string text, bool boolean,
            List<KeyValuePair<string, JsonValue>> fields, List<JsonValue> elements, bool exact = false)
        {
            this.exact = exact;
            Kind = kind;
            this.text = text;
            this.boolean = boolean;
            this.fields = fields;
            this.elements = elements;
        }

        internal static readonly JsonValue Null = new JsonValue(JsonKind.Null, null, false, null, null);

        internal static JsonValue Of(string s) { return new JsonValue(JsonKind.String, s, false, null, null); }

        internal static JsonValue Of(bool b) { return new JsonValue(JsonKind.Boolean, null, b, null, null); }

        internal static JsonValue Number(string source, bool exact) { return new JsonValue(JsonKind.Number, source, false, null, null, exact); }

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

        // The value of field name, or null when absent.
        internal JsonValue Get(string name)
        {
            foreach (var f in fields) if (f.Key == name) return f.Value;
            return null;
        }

        // Present and not JSON null.
        internal bool HasNonNull(string name)
        {
            JsonValue v = Get(name);
            return v != null && !v.IsNull;
        }

        // A number without fraction or exponent.
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

        private static readonly double NegativeZero = BitConverter.Int64BitsToDouble(long.MinValue);

        internal double DoubleValue
        {
            get
            {
                double d;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d))
                {
                    // Mono reads "-0.0" as positive zero; Java keeps the sign.
                    return d == 0 && text.StartsWith("-", StringComparison.Ordinal) ? NegativeZero : d;
                }
                // Beyond double's range, as Java's Double.parseDouble reads it: too small is zero, too
                // large infinite.
                int e = text.IndexOfAny(new[] { 'e', 'E' });
                bool negative = text.StartsWith("-", StringComparison.Ordinal);
                bool zeroDigits = text.Substring(0, e < 0 ? text.Length : e).All(c => c < '1' || c > '9');
                if (zeroDigits || (e >= 0 && text[e + 1] == '-')) return negative ? NegativeZero : 0.0;
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            }
        }

        // The number as the JVM's tree gives it as BigDecimal: exact for whole numbers and exact
        // decimals, via Double.toString for doubles.
        internal JavaDecimal DecimalValue
        {
            get { return IsIntegralNumber || exact ? JavaDecimal.Parse(text) : JavaDecimal.FromDouble(DoubleValue); }
        }

        // The number's text as the JVM's tree prints it: whole numbers as digits, exact decimals as
        // BigDecimal.toString (1.50, 1E+3), doubles as Double.toString (1.5, 1000.0).
        internal string NumberText
        {
            get
            {
                if (IsIntegralNumber) return JavaDecimal.Parse(text).ToPlainString();
                return exact ? JavaDecimal.Parse(text).ToString() : JavaText.DoubleToString(DoubleValue);
            }
        }

        // JsonNode.asText: strings raw, numbers and literals as text, containers empty.
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

        // The lower-case type name the JVM's messages use (string, number, object...).
        internal string TypeName
        {
            get { return Kind.ToString().ToLowerInvariant(); }
        }

        // Compact JSON, as the JVM's JsonNode.toString writes it.
        public override string ToString()
        {
            var s = new StringBuilder();
            JsonWriter.WriteValue(s, this);
            return s.ToString();
        }
    }
}
