using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KustoSpark.Text
{
    // Strict JSON reading (RFC 8259; duplicate field names refused). Errors say where the text is
    // malformed, never what it holds: the JSON may carry secrets such as SAS tokens or keys.
    internal sealed class JsonReader
    {
        private readonly string text;
        private readonly string what;
        private readonly bool exactNumbers;
        private int pos;

        private JsonReader(string text, string what, bool exactNumbers)
        {
            this.text = text;
            this.what = what;
            this.exactNumbers = exactNumbers;
        }

        // Parses text (what names it in errors, e.g. "sparkIngestionPropertiesJson"): one JSON value,
        // with only whitespace after it, as the JVM and Python readers require; decimal numbers are
        // doubles.
        internal static JsonValue Parse(string text, string what)
        {
            return Parse(text, what, false);
        }

        // As Parse, with decimal numbers kept exactly as written: a double cannot hold epoch seconds
        // to 100 ns, so a creationTime read through one would land on the wrong tick.
        internal static JsonValue ParseExactNumbers(string text, string what)
        {
            return Parse(text, what, true);
        }

        private static JsonValue Parse(string text, string what, bool exactNumbers)
        {
            var reader = new JsonReader(text, what, exactNumbers);
            reader.SkipWhitespace();
            if (reader.pos >= text.Length)
            {
                throw new ArgumentException(what + " is empty; expected a JSON document");
            }
            JsonValue root = reader.ReadValue(0);
            // Text after the document is refused: a second value or a stray character is a mistake
            // in the option's value, not something to drop silently.
            reader.SkipWhitespace();
            if (reader.pos < text.Length)
            {
                throw reader.Error("unexpected text after the JSON document");
            }
            return root;
        }

        private JsonValue ReadValue(int depth)
        {
            if (depth > 1000) throw Error("nesting deeper than 1000 levels");
            SkipWhitespace();
            if (pos >= text.Length) throw Error("unexpected end of input; expected a value");
            char c = text[pos];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return JsonValue.Of(ReadString());
                case 't': ReadLiteral("true"); return JsonValue.Of(true);
                case 'f': ReadLiteral("false"); return JsonValue.Of(false);
                case 'n': ReadLiteral("null"); return JsonValue.Null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                    throw Error("unexpected character; expected a value (object, array, string, number, true, false or null)");
            }
        }

        private JsonValue ReadObject(int depth)
        {
            pos++;
            var fields = new List<KeyValuePair<string, JsonValue>>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            SkipWhitespace();
            if (Peek() == '}')
            {
                pos++;
                return JsonValue.Object(fields);
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"') throw Error("expected a field name in double quotes");
                int namePos = pos;
                string name = ReadString();
                if (!names.Add(name))
                {
                    pos = namePos;
                    throw Error("duplicate field name");
                }
                SkipWhitespace();
                if (Peek() != ':') throw Error("expected ':' after a field name");
                pos++;
                fields.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                char c = Peek();
                pos++;
                if (c == '}') return JsonValue.Object(fields);
                if (c != ',')
                {
                    pos--;
                    throw Error("expected ',' or '}' in an object");
                }
            }
        }

        private JsonValue ReadArray(int depth)
        {
            pos++;
            var elements = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                pos++;
                return JsonValue.Array(elements);
            }
            while (true)
            {
                elements.Add(ReadValue(depth + 1));
                SkipWhitespace();
                char c = Peek();
                pos++;
                if (c == ']') return JsonValue.Array(elements);
                if (c != ',')
                {
                    pos--;
                    throw Error("expected ',' or ']' in an array");
                }
            }
        }

        private string ReadString()
        {
            pos++;
            var s = new StringBuilder();
            while (true)
            {
                if (pos >= text.Length) throw Error("unexpected end of input in a string");
                char c = text[pos];
                if (c == '"')
                {
                    pos++;
                    return s.ToString();
                }
                if (c < 0x20) throw Error("unescaped control character in a string");
                if (c != '\\')
                {
                    s.Append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= text.Length) throw Error("unexpected end of input in a string");
                char e = text[pos + 1];
                pos += 2;
                switch (e)
                {
                    case '"': s.Append('"'); break;
                    case '\\': s.Append('\\'); break;
                    case '/': s.Append('/'); break;
                    case 'b': s.Append('\b'); break;
                    case 'f': s.Append('\f'); break;
                    case 'n': s.Append('\n'); break;
                    case 'r': s.Append('\r'); break;
                    case 't': s.Append('\t'); break;
                    case 'u':
                        int code;
                        if (pos + 4 > text.Length || !int.TryParse(text.Substring(pos, 4), NumberStyles.AllowHexSpecifier,
                                CultureInfo.InvariantCulture, out code))
                        {
                            pos -= 2;
                            throw Error("invalid \\u escape in a string");
                        }
                        s.Append((char)code);
                        pos += 4;
                        break;
                    default:
                        pos -= 2;
                        throw Error("invalid escape in a string");
                }
            }
        }

        private JsonValue ReadNumber()
        {
            int start = pos;
            if (Peek() == '-') pos++;
            if (Peek() == '0')
            {
                pos++;
                if (IsDigit(Peek())) throw Error("leading zeros are not allowed in a number");
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek())) pos++;
            }
            else
            {
                throw Error("expected a digit in a number");
            }
            if (Peek() == '.')
            {
                pos++;
                if (!IsDigit(Peek())) throw Error("expected a digit after the decimal point");
                while (IsDigit(Peek())) pos++;
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                pos++;
                if (Peek() == '+' || Peek() == '-') pos++;
                if (!IsDigit(Peek())) throw Error("expected a digit in the exponent");
                while (IsDigit(Peek())) pos++;
            }
            return JsonValue.Number(text.Substring(start, pos - start), exactNumbers);
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(text, pos, literal, 0, literal.Length) != 0
                || (pos + literal.Length < text.Length && char.IsLetterOrDigit(text[pos + literal.Length])))
            {
                throw Error("unrecognized token; expected true, false or null");
            }
            pos += literal.Length;
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private char Peek()
        {
            return pos < text.Length ? text[pos] : '\0';
        }

        private void SkipWhitespace()
        {
            while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
            {
                pos++;
            }
        }

        private ArgumentException Error(string problem)
        {
            int line = 1, column = 1;
            for (int i = 0; i < pos && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
            return new ArgumentException(what + " is not valid JSON at line " + line + ", column " + column + ": " + problem);
        }
    }
}
