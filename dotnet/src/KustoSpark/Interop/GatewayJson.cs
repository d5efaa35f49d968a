using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KustoSpark.Interop
{
    /// <summary>
    /// Reads the JSON the gateway sends (schemas and collected rows) into objects, lists and strings.
    /// Numbers stay text (<see cref="Number"/>), so that the reader's caller converts each to the
    /// column's type without passing through a double.
    /// </summary>
    internal sealed class GatewayJson
    {
        private readonly string _text;
        private int _position;

        private GatewayJson(string text)
        {
            _text = text;
        }

        /// <summary>A JSON number as written.</summary>
        internal sealed class Number
        {
            internal Number(string text)
            {
                Text = text;
            }

            internal string Text { get; private set; }

            public override string ToString()
            {
                return Text;
            }
        }

        /// <summary>
        /// The value of <paramref name="text"/>: <c>Dictionary&lt;string, object&gt;</c>,
        /// <c>List&lt;object&gt;</c>, string, <see cref="Number"/>, bool or null.
        /// </summary>
        internal static object Parse(string text)
        {
            var reader = new GatewayJson(text);
            object value = reader.ReadValue();
            reader.SkipWhitespace();
            if (reader._position != text.Length)
            {
                throw reader.Error("end of the document");
            }
            return value;
        }

        private object ReadValue()
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw Error("a value");
            }
            char c = _text[_position];
            switch (c)
            {
                case '{': return ReadObject();
                case '[': return ReadArray();
                case '"': return ReadString();
                case 't': return ReadLiteral("true", true);
                case 'f': return ReadLiteral("false", false);
                case 'n': return ReadLiteral("null", null);
                default:
                    if (c == '-' || char.IsDigit(c))
                    {
                        return ReadNumber();
                    }
                    throw Error("a value");
            }
        }

        private Dictionary<string, object> ReadObject()
        {
            var members = new Dictionary<string, object>();
            _position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return members;
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("a member name");
                }
                string name = ReadString();
                SkipWhitespace();
                Expect(':');
                members[name] = ReadValue();
                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == '}')
                {
                    return members;
                }
                if (next != ',')
                {
                    _position--;
                    throw Error("',' or '}'");
                }
            }
        }

        private List<object> ReadArray()
        {
            var elements = new List<object>();
            _position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return elements;
            }
            while (true)
            {
                elements.Add(ReadValue());
                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == ']')
                {
                    return elements;
                }
                if (next != ',')
                {
                    _position--;
                    throw Error("',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            _position++;
            var value = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw Error("the end of a string");
                }
                char c = _text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }
                char escaped = _text[_position++];
                switch (escaped)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        value.Append((char)int.Parse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _position += 4;
                        break;
                    default:
                        _position--;
                        throw Error("an escape sequence");
                }
            }
        }

        private Number ReadNumber()
        {
            int start = _position;
            while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }
            return new Number(_text.Substring(start, _position - start));
        }

        private object ReadLiteral(string literal, object value)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Error("'" + literal + "'");
            }
            _position += literal.Length;
            return value;
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        private char Peek()
        {
            return _position < _text.Length ? _text[_position] : '\0';
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("'" + c + "'");
            }
            _position++;
        }

        private FormatException Error(string expected)
        {
            return new FormatException("The gateway sent malformed JSON: expected " + expected + " at offset " + _position + ".");
        }
    }
}
