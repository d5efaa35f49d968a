using System;
using System.Globalization;
using System.Text;

namespace KustoSpark.Interop.Py4J
{
    /// <summary>
    /// The Py4J text protocol: command names, typed argument parts and typed answers. A command is
    /// one part per line and ends with the line <c>e</c>; an answer is one line, <c>!y</c> and a typed
    /// value on success, <c>!x</c> and a typed value on error.
    /// </summary>
    internal static class Py4JProtocol
    {
        internal const string Call = "c";
        internal const string Constructor = "i";
        internal const string Field = "f";
        internal const string FieldGet = "g";
        internal const string Array = "a";
        internal const string ArrayCreate = "c";
        internal const string ArraySet = "s";
        internal const string Memory = "m";
        internal const string MemoryDelete = "d";
        internal const string ExceptionTrace = "p";
        internal const string Auth = "A";
        internal const string End = "e";

        /// <summary>Target of a static call: <c>z:</c> and the class's name.</summary>
        internal const string StaticPrefix = "z:";
        /// <summary>Object id of the gateway's entry point.</summary>
        internal const string EntryPointId = "t";

        internal const char Success = 'y';
        internal const char Error = 'x';
        internal const char FatalError = 'z';

        internal const char NullType = 'n';
        internal const char VoidType = 'v';
        internal const char BooleanType = 'b';
        internal const char IntegerType = 'i';
        internal const char LongType = 'L';
        internal const char DoubleType = 'd';
        internal const char DecimalType = 'D';
        internal const char StringType = 's';
        internal const char BytesType = 'j';
        internal const char ReferenceType = 'r';
        internal const char ListType = 'l';
        internal const char MapType = 'a';
        internal const char SetType = 'h';
        internal const char ArrayType = 't';
        internal const char IteratorType = 'g';
        internal const char NoMemberType = 'o';

        /// <summary>One argument as its command part, without the line end.</summary>
        internal static string EncodeArgument(object value)
        {
            if (value == null)
            {
                return "n";
            }
            var reference = value as JvmObjectReference;
            if (reference != null)
            {
                return "r" + reference.Id;
            }
            var provider = value as IJvmObjectReferenceProvider;
            if (provider != null)
            {
                return "r" + provider.Reference.Id;
            }
            if (value is bool)
            {
                return (bool)value ? "btrue" : "bfalse";
            }
            if (value is int || value is short || value is byte)
            {
                return "i" + Convert.ToInt32(value).ToString(CultureInfo.InvariantCulture);
            }
            if (value is long)
            {
                return "L" + ((long)value).ToString(CultureInfo.InvariantCulture);
            }
            if (value is double || value is float)
            {
                return "d" + EncodeDouble(Convert.ToDouble(value));
            }
            if (value is decimal)
            {
                return "D" + ((decimal)value).ToString(CultureInfo.InvariantCulture);
            }
            var text = value as string;
            if (text != null)
            {
                return "s" + Escape(text);
            }
            var bytes = value as byte[];
            if (bytes != null)
            {
                return "j" + Convert.ToBase64String(bytes);
            }
            throw new ArgumentException(
                "A " + value.GetType().FullName + " cannot be passed to the JVM; pass null, bool, int, long, double, "
                + "decimal, string, byte[] or a JVM object reference.", "value");
        }

        private static string EncodeDouble(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }
            if (double.IsPositiveInfinity(value))
            {
                return "Infinity";
            }
            if (double.IsNegativeInfinity(value))
            {
                return "-Infinity";
            }
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        /// <summary>Strings travel on one line: backslash, CR and LF are escaped with a backslash.</summary>
        internal static string Escape(string text)
        {
            if (text.IndexOf('\\') < 0 && text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0)
            {
                return text;
            }
            var escaped = new StringBuilder(text.Length + 8);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '\\': escaped.Append("\\\\"); break;
                    case '\n': escaped.Append("\\n"); break;
                    case '\r': escaped.Append("\\r"); break;
                    default: escaped.Append(c); break;
                }
            }
            return escaped.ToString();
        }

        internal static string Unescape(string text)
        {
            if (text.IndexOf('\\') < 0)
            {
                return text;
            }
            var plain = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    char next = text[++i];
                    switch (next)
                    {
                        case 'n': plain.Append('\n'); break;
                        case 'r': plain.Append('\r'); break;
                        case '\\': plain.Append('\\'); break;
                        default: plain.Append('\\').Append(next); break;
                    }
                }
                else
                {
                    plain.Append(c);
                }
            }
            return plain.ToString();
        }

        /// <summary>
        /// A plain value of an answer (type character and text after it). Object ids come back as
        /// <see cref="ObjectId"/>: the caller wraps them, since only it knows the client.
        /// </summary>
        internal static object DecodeValue(char type, string text)
        {
            switch (type)
            {
                case NullType:
                case VoidType:
                    return null;
                case BooleanType:
                    return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
                case IntegerType:
                    return int.Parse(text, CultureInfo.InvariantCulture);
                case LongType:
                    return long.Parse(text, CultureInfo.InvariantCulture);
                case DoubleType:
                    return DecodeDouble(text);
                case DecimalType:
                    return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                case StringType:
                    return Unescape(text);
                case BytesType:
                    return Convert.FromBase64String(text);
                case ReferenceType:
                case ListType:
                case MapType:
                case SetType:
                case ArrayType:
                case IteratorType:
                    return new ObjectId(text);
                default:
                    throw new Py4JException("The gateway answered with a value of unknown type '" + type + "': " + text);
            }
        }

        private static double DecodeDouble(string text)
        {
            switch (text)
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
                default: return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The id of a JVM object in an answer, before it is wrapped in a reference.</summary>
        internal sealed class ObjectId
        {
            internal ObjectId(string id)
            {
                Id = id;
            }

            internal string Id { get; private set; }
        }
    }
}
