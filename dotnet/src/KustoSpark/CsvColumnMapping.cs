using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
                throw new KustoOptionException("csvMapping column '" + Name + "' has DataType '" + (kustoType ?? "null")
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

        // The mapping in Kusto's CSV form, with the keys that are set.
        internal JsonObject ToJsonObject()
        {
            var fields = new JsonObject { new KeyValuePair<string, object>("Name", Name) };
            if (DataType != null) fields.Add(new KeyValuePair<string, object>("DataType", DataType));
            if (Ordinal != null) fields.Add(new KeyValuePair<string, object>("Ordinal", Ordinal.Value));
            if (ConstValue != null) fields.Add(new KeyValuePair<string, object>("ConstValue", ConstValue));
            return fields;
        }

        // Reads one mapping in Kusto's CSV form (Name, DataType, Ordinal, ConstValue) or its newer
        // form (Column, DataType, Properties: {Ordinal, ConstValue}); ordinals may be numeric strings.
        internal static CsvColumnMapping FromJson(object node, int index)
        {
            string where = "csvMapping entry " + index;
            var entry = node as JsonObject;
            if (entry == null) throw new KustoOptionException(where + " must be a JSON object such as {\"Name\":\"ColA\",\"Ordinal\":0}");
            var fields = new Dictionary<string, object>();
            foreach (var f in entry)
            {
                var properties = f.Value as JsonObject;
                if (f.Key == "Properties" && properties != null)
                {
                    foreach (var p in properties)
                    {
                        if (p.Key != "Ordinal" && p.Key != "ConstValue")
                        {
                            throw new KustoOptionException(where + " has an unknown property '" + p.Key + "'; allowed: Ordinal, ConstValue");
                        }
                        fields[p.Key] = p.Value;
                    }
                }
                else if (new[] { "Name", "Column", "DataType", "datatype", "Ordinal", "ConstValue" }.Contains(f.Key))
                {
                    fields[f.Key == "Column" ? "Name" : f.Key == "datatype" ? "DataType" : f.Key] = f.Value;
                }
                else
                {
                    throw new KustoOptionException(where + " has an unknown field '" + f.Key
                        + "'; allowed: Name, DataType, Ordinal, ConstValue (or Column, DataType, Properties)");
                }
            }
            object name, ordinal, constValue, dataType;
            fields.TryGetValue("Name", out name);
            fields.TryGetValue("Ordinal", out ordinal);
            fields.TryGetValue("ConstValue", out constValue);
            fields.TryGetValue("DataType", out dataType);
            if (!(name is string) || ((string)name).Length == 0) throw new KustoOptionException(where + " has no Name");
            if ((ordinal == null) == (constValue == null))
            {
                throw new KustoOptionException(where + " (column '" + name + "') needs exactly one of Ordinal and ConstValue");
            }
            CsvColumnMapping mapping;
            if (ordinal != null)
            {
                int value;
                string text = ordinal is string ? ((string)ordinal).Trim() : (ordinal as JsonNumber)?.Text;
                if (text == null || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                {
                    throw new KustoOptionException(where + " (column '" + name + "') has Ordinal '" + Json.Write(ordinal).Trim('"')
                        + "'; expected a whole number >= 0");
                }
                mapping = OfOrdinal((string)name, value);
            }
            else
            {
                mapping = OfConstant((string)name, constValue as string ?? Json.Write(constValue));
            }
            return dataType == null || dataType as string == "" ? mapping : mapping.WithDataType(dataType as string);
        }

        private static string RequireName(string name)
        {
            if (string.IsNullOrEmpty(name)) throw new KustoOptionException("a mapped column name must not be empty");
            return name;
        }

        private static int RequireOrdinal(int ordinal, string name)
        {
            if (ordinal < 0)
            {
                throw new KustoOptionException("csvMapping column '" + name + "' has Ordinal "
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
            return Json.Write(ToJsonObject());
        }
    }
}
