using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KustoSpark.Text
{
    // A JSON object: its fields in document order.
    internal sealed class JsonObject : List<KeyValuePair<string, object>>
    {
        // The value of the field name (null when absent or null).
        internal object this[string name]
        {
            get
            {
                foreach (var field in this)
                {
                    if (field.Key == name) return field.Value;
                }
                return null;
            }
        }
    }

    // A JSON number as written: exact whatever its size, converted where it is used.
    internal sealed class JsonNumber
    {
        internal JsonNumber(string text)
        {
            Text = text;
        }

        internal string Text { get; }

        internal bool IsWhole { get { return Text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0; } }

        internal bool TryLong(out long value)
        {
            return long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        internal bool TryDecimal(out decimal value)
        {
            return decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    // Strict JSON (RFC 8259; duplicate names refused) to JsonObject, List<object>, string, bool,
    // JsonNumber and null, and compact JSON back. Errors say where the text is malformed, never what
    // it holds: the JSON may carry secrets such as SAS tokens or keys.
    internal sealed class Json
    {
        private readonly string text;
        private readonly string what;
        private int pos;

        private Json(string text, string what)
        {
            this.text = text;
            this.what = what;
        }

        // Parses text, one JSON value with only whitespace around it; what names it in errors.
        internal static object Parse(string text, string what)
        {
            if (text == null) throw new ArgumentNullException(what, what + " must not be null");
            var reader = new Json(text, what);
            reader.SkipWhitespace();
            if (reader.pos >= text.Length) throw new KustoOptionException(what + " is empty; expected a JSON document");
            object root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader.pos < text.Length) throw reader.Error("unexpected text after the JSON document");
            return root;
        }

        // The JSON type of a parsed value, for messages.
        internal static string TypeName(object value)
        {
            if (value == null) return "null";
            if (value is bool) return "boolean";
            if (value is string) return "string";
            if (value is JsonObject) return "object";
            return value is IList ? "array" : "number";
        }

        private object ReadValue(int depth)
        {
            if (depth > 1000) throw Error("nesting deeper than 1000 levels");
            SkipWhitespace();
            char c = pos < text.Length ? text[pos] : '\0';
            if (c == '{') return ReadObject(depth);
            if (c == '[') return ReadArray(depth);
            if (c == '"') return ReadString();
            if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
            foreach (var literal in new[] { "true", "false", "null" })
            {
                if (string.CompareOrdinal(text, pos, literal, 0, literal.Length) == 0)
                {
                    pos += literal.Length;
                    return literal == "null" ? null : (object)(literal == "true");
                }
            }
            throw Error("expected a value (object, array, string, number, true, false or null)");
        }

        private JsonObject ReadObject(int depth)
        {
            var fields = new JsonObject();
            var names = new HashSet<string>(StringComparer.Ordinal);
            pos++;
            SkipWhitespace();
            if (Accept('}')) return fields;
            do
            {
                SkipWhitespace();
                if (pos >= text.Length || text[pos] != '"') throw Error("expected a field name in double quotes");
                string name = ReadString();
                if (!names.Add(name)) throw Error("duplicate field name");
                SkipWhitespace();
                if (!Accept(':')) throw Error("expected ':' after a field name");
                fields.Add(new KeyValuePair<string, object>(name, ReadValue(depth + 1)));
                SkipWhitespace();
            }
            while (Accept(','));
            if (!Accept('}')) throw Error("expected ',' or '}' in an object");
            return fields;
        }

        private List<object> ReadArray(int depth)
        {
            var elements = new List<object>();
            pos++;
            SkipWhitespace();
            if (Accept(']')) return elements;
            do
            {
                elements.Add(ReadValue(depth + 1));
                SkipWhitespace();
            }
            while (Accept(','));
            if (!Accept(']')) throw Error("expected ',' or ']' in an array");
            return elements;
        }

        private string ReadString()
        {
            var s = new StringBuilder();
            pos++;
            while (true)
            {
                if (pos >= text.Length) throw Error("unexpected end of input in a string");
                char c = text[pos++];
                if (c == '"') return s.ToString();
                if (c < 0x20) throw Error("unescaped control character in a string");
                if (c != '\\')
                {
                    s.Append(c);
                    continue;
                }
                char e = pos < text.Length ? text[pos++] : '\0';
                int index = "\"\\/bfnrt".IndexOf(e);
                if (index >= 0)
                {
                    s.Append("\"\\/\b\f\n\r\t"[index]);
                }
                else if (e == 'u' && pos + 4 <= text.Length && text.Substring(pos, 4).All(Uri.IsHexDigit))
                {
                    s.Append((char)int.Parse(text.Substring(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    pos += 4;
                }
                else
                {
                    throw Error("invalid escape in a string");
                }
            }
        }

        private JsonNumber ReadNumber()
        {
            int start = pos;
            Accept('-');
            if (!Accept('0') && Digits() == 0) throw Error("expected digits in a number");
            if (Accept('.') && Digits() == 0) throw Error("expected digits after the decimal point");
            if (Accept('e') || Accept('E'))
            {
                if (!Accept('+')) Accept('-');
                if (Digits() == 0) throw Error("expected digits in the exponent");
            }
            if (pos < text.Length && text[pos] >= '0' && text[pos] <= '9') throw Error("leading zero in a number");
            return new JsonNumber(text.Substring(start, pos - start));
        }

        private int Digits()
        {
            int start = pos;
            while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9') pos++;
            return pos - start;
        }

        private bool Accept(char c)
        {
            if (pos < text.Length && text[pos] == c)
            {
                pos++;
                return true;
            }
            return false;
        }

        private void SkipWhitespace()
        {
            while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) pos++;
        }

        private KustoOptionException Error(string problem)
        {
            string before = text.Substring(0, Math.Min(pos, text.Length));
            int line = before.Count(c => c == '\n') + 1, column = before.Length - before.LastIndexOf('\n');
            return new KustoOptionException(what + " is not valid JSON at line " + line + ", column " + column + ": " + problem);
        }

        // Compact JSON of a parsed value or of strings, booleans, numbers, lists and name-value pairs.
        internal static string Write(object value)
        {
            var s = new StringBuilder();
            Write(s, value);
            return s.ToString();
        }

        private static void Write(StringBuilder s, object value)
        {
            if (value == null) s.Append("null");
            else if (value is bool) s.Append((bool)value ? "true" : "false");
            else if (value is string) Quote(s, (string)value);
            else if (value is double) s.Append(((double)value).ToString("R", CultureInfo.InvariantCulture));
            else if (value is IFormattable) s.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
            else if (value is JsonNumber) s.Append(((JsonNumber)value).Text);
            else if (value is IEnumerable<KeyValuePair<string, object>>)
            {
                s.Append('{');
                foreach (var field in (IEnumerable<KeyValuePair<string, object>>)value)
                {
                    if (s[s.Length - 1] != '{') s.Append(',');
                    Quote(s, field.Key);
                    Write(s.Append(':'), field.Value);
                }
                s.Append('}');
            }
            else
            {
                s.Append('[');
                foreach (object element in (IEnumerable)value)
                {
                    if (s[s.Length - 1] != '[') s.Append(',');
                    Write(s, element);
                }
                s.Append(']');
            }
        }

        internal static string Quote(string text)
        {
            return Write(text);
        }

        private static void Quote(StringBuilder s, string text)
        {
            s.Append('"');
            foreach (char c in text)
            {
                int index = "\"\\\b\f\n\r\t".IndexOf(c);
                if (index >= 0) s.Append('\\').Append("\"\\bfnrt"[index]);
                else if (c < 0x20) s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else s.Append(c);
            }
            s.Append('"');
        }
    }
}
