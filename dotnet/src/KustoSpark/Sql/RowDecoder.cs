using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KustoSpark.Text;

namespace KustoSpark.Sql
{
    /// <summary>Rows from the gateway's <c>collectJson</c>: the encoding <c>RowsJson</c> documents on the JVM side.</summary>
    internal static class RowDecoder
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <remarks>Numbers are read as written, so that each is converted to its column's type without passing through a double.</remarks>
        internal static List<Row> Decode(string json)
        {
            var document = (JsonObject)Json.Parse(json, "the collected rows");
            var schema = (StructType)DataType.FromJson(document["schema"]);
            return ((List<object>)document["rows"]).Select(row => DecodeStruct(schema, (List<object>)row)).ToList();
        }

        private static Row DecodeStruct(StructType schema, IList<object> values)
        {
            var decoded = new object[schema.Fields.Count];
            for (int i = 0; i < decoded.Length; i++)
            {
                decoded[i] = DecodeValue(schema.Fields[i], schema.Fields[i].DataType, values[i]);
            }
            return new Row(decoded, schema);
        }

        private static object DecodeValue(StructField field, DataType type, object value)
        {
            if (value == null)
            {
                return null;
            }
            // A string's value or a number's source text.
            string text = value as string ?? (value as JsonNumber)?.Text;
            switch (type.TypeName)
            {
                case "boolean": return (bool)value;
                case "byte": return sbyte.Parse(text, CultureInfo.InvariantCulture);
                case "short": return short.Parse(text, CultureInfo.InvariantCulture);
                case "integer": return int.Parse(text, CultureInfo.InvariantCulture);
                case "long": return long.Parse(text, CultureInfo.InvariantCulture);
                case "float": return float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                case "double": return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                case "decimal": return DecodeDecimal(field, text);
                case "timestamp": return Epoch.AddTicks(checked(long.Parse(text, CultureInfo.InvariantCulture) * 10));
                case "timestamp_ntz":
                    return DateTime.SpecifyKind(Epoch.AddTicks(checked(long.Parse(text, CultureInfo.InvariantCulture) * 10)), DateTimeKind.Unspecified);
                case "date": return Epoch.AddDays(long.Parse(text, CultureInfo.InvariantCulture));
                case "binary": return Convert.FromBase64String(text);
                case "array":
                    var array = (ArrayType)type;
                    return ((List<object>)value).Select(element => DecodeValue(field, array.ElementType, element)).ToArray();
                case "map":
                    var map = (MapType)type;
                    var entries = new Dictionary<object, object>();
                    foreach (List<object> pair in (List<object>)value)
                    {
                        entries[DecodeValue(field, map.KeyType, pair[0])] = DecodeValue(field, map.ValueType, pair[1]);
                    }
                    return entries;
                case "struct":
                    return DecodeStruct((StructType)type, (List<object>)value);
                default:
                    return text ?? Json.Write(value);
            }
        }

        /// <summary>
        /// A decimal, exactly or not at all: Spark's go to 38 digits, System.Decimal's to 28 or 29, and a
        /// value that does not fit is an error rather than a silently rounded number.
        /// </summary>
        private static decimal DecodeDecimal(StructField field, string text)
        {
            decimal value;
            try
            {
                value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                throw DecimalTooLarge(field, text);
            }
            if (WithoutTrailingZeros(value.ToString(CultureInfo.InvariantCulture)) != WithoutTrailingZeros(text))
            {
                throw DecimalTooLarge(field, text);
            }
            return value;
        }

        private static string WithoutTrailingZeros(string plain)
        {
            return plain.IndexOf('.') < 0 ? plain : plain.TrimEnd('0').TrimEnd('.');
        }

        private static OverflowException DecimalTooLarge(StructField field, string text)
        {
            return new OverflowException("Column '" + field.Name + "' holds " + text + ", more digits than System.Decimal's 28 to 29; "
                + "cast the column to string or to a decimal of less precision before collecting it.");
        }
    }
}
