using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// One column of a CSV ingestion mapping: the target column, where its value comes from (an
    /// ordinal of the CSV record, or a constant) and optionally its Kusto data type. Written in
    /// Kusto's CSV mapping form <c>{"Name":"ColA","DataType":"string","Ordinal":0}</c> /
    /// <c>"ConstValue":"x"</c>. Immutable.
    /// </summary>
    /// <example>
    /// <code>
    /// var mapping = new[] { CsvColumnMapping.OfOrdinal("Id", 0).WithDataType("long"), CsvColumnMapping.OfConstant("Source", "etl") };
    /// </code>
    /// </example>
    public sealed class CsvColumnMapping : IEquatable<CsvColumnMapping>
    {
        private static readonly Regex TypeName = new Regex(@"\A[A-Za-z][A-Za-z0-9]*\z");

        private CsvColumnMapping(string name, int? ordinal, string dataType, string constValue)
        {
            Name = name;
            Ordinal = ordinal;
            DataType = dataType;
            ConstValue = constValue;
        }

        /// <summary>Column <paramref name="name"/> from field <paramref name="ordinal"/> (0-based) of each CSV record.</summary>
        /// <param name="name">The table's column.</param>
        /// <param name="ordinal">The field of the CSV record, at least 0.</param>
        public static CsvColumnMapping OfOrdinal(string name, int ordinal)
        {
            return new CsvColumnMapping(RequireName(name), RequireOrdinal(ordinal, name), null, null);
        }

        /// <summary>Column <paramref name="name"/> set to <paramref name="constValue"/> in every row.</summary>
        /// <param name="name">The table's column.</param>
        /// <param name="constValue">The value of every row.</param>
        public static CsvColumnMapping OfConstant(string name, string constValue)
        {
            RequireName(name);
            if (constValue == null)
            {
                throw new ArgumentNullException("constValue", "the constant value of mapped column '" + name + "' is null");
            }
            return new CsvColumnMapping(name, null, null, constValue);
        }

        /// <summary>This mapping with the column's Kusto data type (<c>string</c>, <c>long</c>, <c>datetime</c>...).</summary>
        /// <param name="kustoType">A Kusto type name.</param>
        public CsvColumnMapping WithDataType(string kustoType)
        {
            if (kustoType == null || !TypeName.IsMatch(kustoType))
            {
                throw new ArgumentException("csvMapping column '" + Name + "' has DataType '" + (kustoType ?? "null")
                    + "'; expected a Kusto type name such as string, long or datetime");
            }
            return new CsvColumnMapping(Name, Ordinal, kustoType, ConstValue);
        }

        /// <summary>The table's column.</summary>
        public string Name { get; }

        /// <summary>The field of the CSV record, or null for a constant.</summary>
        public int? Ordinal { get; }

        /// <summary>The column's Kusto data type, or null.</summary>
        public string DataType { get; }

        /// <summary>The constant value, or null when the value comes from an ordinal.</summary>
        public string ConstValue { get; }

        internal void WriteTo(StringBuilder s)
        {
            s.Append("{\"Name\":");
            JsonWriter.WriteString(s, Name);
            if (DataType != null)
            {
                s.Append(",\"DataType\":");
                JsonWriter.WriteString(s, DataType);
            }
            if (Ordinal != null) s.Append(",\"Ordinal\":").Append(Ordinal.Value.ToString(CultureInfo.InvariantCulture));
            if (ConstValue != null)
            {
                s.Append(",\"ConstValue\":");
                JsonWriter.WriteString(s, ConstValue);
            }
            s.Append('}');
        }

        // Reads one mapping in Kusto's CSV form (Name, DataType, Ordinal, ConstValue) or its newer
        // form (Column, DataType, Properties: {Ordinal, ConstValue}); ordinals may be numbers or
        // numeric strings.
        internal static CsvColumnMapping FromJson(JsonValue node, int index)
        {
            string where = "csvMapping entry " + index;
            if (!node.IsObject)
            {
                throw new ArgumentException(where + " must be a JSON object such as {\"Name\":\"ColA\",\"Ordinal\":0}");
            }
            string name = null;
            string dataType = null;
            JsonValue ordinal = null;
            JsonValue constValue = null;
            foreach (var f in node.Fields)
            {
                JsonValue v = f.Value;
                switch (f.Key)
                {
                    case "Name":
                    case "Column":
                        name = v.IsNull ? null : v.AsText();
                        break;
                    case "DataType":
                    case "datatype":
                        dataType = v.IsNull || v.AsText().Length == 0 ? null : v.AsText();
                        break;
                    case "Ordinal":
                        ordinal = v;
                        break;
                    case "ConstValue":
                        constValue = v;
                        break;
                    case "Properties":
                        if (!v.IsObject) throw new ArgumentException(where + ": Properties must be a JSON object");
                        foreach (var prop in v.Fields)
                        {
                            switch (prop.Key)
                            {
                                case "Ordinal": ordinal = prop.Value; break;
                                case "ConstValue": constValue = prop.Value; break;
                                default:
                                    throw new ArgumentException(where + " has an unknown property '" + prop.Key
                                        + "'; allowed: Ordinal, ConstValue");
                            }
                        }
                        break;
                    default:
                        throw new ArgumentException(where + " has an unknown field '" + f.Key
                            + "'; allowed: Name, DataType, Ordinal, ConstValue (or Column, DataType, Properties)");
                }
            }
            if (string.IsNullOrEmpty(name)) throw new ArgumentException(where + " has no Name");
            bool noOrdinal = ordinal == null || ordinal.IsNull;
            bool noConst = constValue == null || constValue.IsNull;
            if (noOrdinal == noConst)
            {
                throw new ArgumentException(where + " (column '" + name + "') needs exactly one of Ordinal and ConstValue");
            }
            CsvColumnMapping mapping;
            if (!noOrdinal)
            {
                int value;
                // A whole number keeps its low 32 bits, as Java's intValue does.
                if (ordinal.IsIntegralNumber) value = (int)(uint)(BigInteger.Parse(ordinal.NumberText, CultureInfo.InvariantCulture) & uint.MaxValue);
                else if (!int.TryParse(JavaText.Trim(ordinal.AsText()), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                {
                    throw new ArgumentException(where + " (column '" + name + "') has Ordinal '" + ordinal.AsText()
                        + "'; expected a whole number >= 0");
                }
                mapping = OfOrdinal(name, value);
            }
            else
            {
                mapping = OfConstant(name, constValue.AsText());
            }
            return dataType == null ? mapping : mapping.WithDataType(dataType);
        }

        private static string RequireName(string name)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("a mapped column name must not be empty");
            return name;
        }

        private static int RequireOrdinal(int ordinal, string name)
        {
            if (ordinal < 0)
            {
                throw new ArgumentException("csvMapping column '" + name + "' has Ordinal "
                    + ordinal.ToString(CultureInfo.InvariantCulture) + "; expected a whole number >= 0");
            }
            return ordinal;
        }

        /// <summary>Whether <paramref name="other"/> maps the same column the same way.</summary>
        /// <param name="other">Another mapping.</param>
        public bool Equals(CsvColumnMapping other)
        {
            return other != null && Name == other.Name && Ordinal == other.Ordinal && DataType == other.DataType
                && ConstValue == other.ConstValue;
        }

        /// <summary>Whether <paramref name="obj"/> maps the same column the same way.</summary>
        /// <param name="obj">Another object.</param>
        public override bool Equals(object obj)
        {
            return Equals(obj as CsvColumnMapping);
        }

        /// <summary>A hash of the mapping.</summary>
        public override int GetHashCode()
        {
            return StringComparer.Ordinal.GetHashCode(ToString());
        }

        /// <summary>The mapping's JSON, e.g. <c>{"Name":"ColA","Ordinal":0}</c>.</summary>
        public override string ToString()
        {
            var s = new StringBuilder();
            WriteTo(s);
            return s.ToString();
        }
    }
}
