using System.Collections.Generic;
using System.Text;

namespace KustoSpark.Text
{
    // Writes JSON with no insignificant whitespace, escaping as the JVM connector's JSON library does:
    // quote, backslash and control characters only (\b \t \n \f \r short forms, \u00XX with
    // upper-case hex otherwise); other characters, non-ASCII included, as themselves.
    internal static class JsonWriter
    {
        private const string Hex = "0123456789ABCDEF";

        internal static void WriteString(StringBuilder s, string value)
        {
            s.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': s.Append("\\\""); break;
                    case '\\': s.Append("\\\\"); break;
                    case '\b': s.Append("\\b"); break;
                    case '\t': s.Append("\\t"); break;
                    case '\n': s.Append("\\n"); break;
                    case '\f': s.Append("\\f"); break;
                    case '\r': s.Append("\\r"); break;
                    default:
                        if (c < 0x20) s.Append("\\u00").Append(Hex[c >> 4]).Append(Hex[c & 0xF]);
                        else s.Append(c);
                        break;
                }
            }
            s.Append('"');
        }

        internal static string Quote(string value)
        {
            var s = new StringBuilder();
            WriteString(s, value);
            return s.ToString();
        }

        internal static void WriteValue(StringBuilder s, JsonValue v)
        {
            switch (v.Kind)
            {
                case JsonKind.Null: s.Append("null"); break;
                case JsonKind.Boolean: s.Append(v.BooleanValue ? "true" : "false"); break;
                case JsonKind.String: WriteString(s, v.TextValue); break;
                case JsonKind.Number:
                    string n = v.NumberText;
                    // Non-finite doubles are quoted, as the JVM's writer does by default.
                    if (n == "Infinity" || n == "-Infinity" || n == "NaN") WriteString(s, n);
                    else s.Append(n);
                    break;
                case JsonKind.Array:
                    s.Append('[');
                    for (int i = 0; i < v.Elements.Count; i++)
                    {
                        if (i > 0) s.Append(',');
                        WriteValue(s, v.Elements[i]);
                    }
                    s.Append(']');
                    break;
                default:
                    s.Append('{');
                    bool first = true;
                    foreach (KeyValuePair<string, JsonValue> f in v.Fields)
                    {
                        if (!first) s.Append(',');
                        first = false;
                        WriteString(s, f.Key);
                        s.Append(':');
                        WriteValue(s, f.Value);
                    }
                    s.Append('}');
                    break;
            }
        }
    }
}
