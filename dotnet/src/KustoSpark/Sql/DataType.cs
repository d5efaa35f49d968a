using System;
using System.Collections.Generic;
using System.Globalization;
using KustoSpark.Text;

namespace KustoSpark.Sql
{
    /// <summary>
    /// A Spark SQL data type, as in a DataFrame's <see cref="DataFrame.Schema"/>. Atomic types are
    /// instances of this class; <see cref="StructType"/>, <see cref="ArrayType"/>, <see cref="MapType"/>
    /// and <see cref="DecimalType"/> add their parts.
    /// </summary>
    public class DataType
    {
        private static readonly Dictionary<string, string> SimpleNames = new Dictionary<string, string>
        {
            { "byte", "tinyint" },
            { "short", "smallint" },
            { "integer", "int" },
            { "long", "bigint" },
        };

        internal DataType(string typeName)
        {
            TypeName = typeName;
        }

        /// <summary>The name Spark's JSON schema uses: <c>long</c>, <c>string</c>, <c>timestamp</c>, <c>struct</c>, ...</summary>
        public string TypeName { get; private set; }

        /// <summary>The type in SQL form: <c>bigint</c>, <c>decimal(38,18)</c>, <c>array&lt;int&gt;</c>, ...</summary>
        public virtual string SimpleString
        {
            get
            {
                string simple;
                return SimpleNames.TryGetValue(TypeName, out simple) ? simple : TypeName;
            }
        }

        /// <summary>The type in SQL form.</summary>
        /// <returns>The same as <see cref="SimpleString"/>.</returns>
        public override string ToString()
        {
            return SimpleString;
        }

        /// <summary>Whether <paramref name="obj"/> is the same type.</summary>
        /// <param name="obj">Another object.</param>
        /// <returns>True for a data type of the same SQL form.</returns>
        public override bool Equals(object obj)
        {
            var other = obj as DataType;
            return other != null && other.SimpleString == SimpleString;
        }

        /// <summary>A hash of the SQL form.</summary>
        /// <returns>The hash code.</returns>
        public override int GetHashCode()
        {
            return SimpleString.GetHashCode();
        }

        /// <summary>A type from its form in Spark's JSON schema: a name, or an object for complex types.</summary>
        internal static DataType FromJson(object json)
        {
            string name = json as string;
            if (name != null)
            {
                if (name.StartsWith("decimal(", StringComparison.Ordinal))
                {
                    string[] parts = name.Substring(8, name.Length - 9).Split(',');
                    return new DecimalType(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                }
                return name == "decimal" ? new DecimalType(10, 0) : new DataType(name);
            }
            var complex = (JsonObject)json;
            string type = (string)complex["type"];
            switch (type)
            {
                case "struct":
                    return StructType.FromJsonFields((List<object>)complex["fields"]);
                case "array":
                    return new ArrayType(FromJson(complex["elementType"]), (bool)complex["containsNull"]);
                case "map":
                    return new MapType(FromJson(complex["keyType"]), FromJson(complex["valueType"]), (bool)complex["valueContainsNull"]);
                default:
                    // A user-defined type: its values arrive in the SQL type's form.
                    return complex["sqlType"] != null ? FromJson(complex["sqlType"]) : new DataType(type);
            }
        }

        internal static DataType Parse(string schemaJson)
        {
            return FromJson(Json.Parse(schemaJson, "the schema's JSON"));
        }
    }

    /// <summary>A decimal type of a given precision and scale.</summary>
    public sealed class DecimalType : DataType
    {
        /// <summary>Creates the type.</summary>
        /// <param name="precision">Total digits, up to 38.</param>
        /// <param name="scale">Digits after the point.</param>
        public DecimalType(int precision, int scale) : base("decimal")
        {
            Precision = precision;
            Scale = scale;
        }

        /// <summary>Total digits.</summary>
        public int Precision { get; private set; }

        /// <summary>Digits after the point.</summary>
        public int Scale { get; private set; }

        /// <summary><c>decimal(precision,scale)</c>.</summary>
        public override string SimpleString
        {
            get { return "decimal(" + Precision + "," + Scale + ")"; }
        }
    }

    /// <summary>An array type; its values are <c>object[]</c>.</summary>
    public sealed class ArrayType : DataType
    {
        /// <summary>Creates the type.</summary>
        /// <param name="elementType">The elements' type.</param>
        /// <param name="containsNull">Whether elements may be null.</param>
        public ArrayType(DataType elementType, bool containsNull) : base("array")
        {
            ElementType = elementType;
            ContainsNull = containsNull;
        }

        /// <summary>The elements' type.</summary>
        public DataType ElementType { get; private set; }

        /// <summary>Whether elements may be null.</summary>
        public bool ContainsNull { get; private set; }

        /// <summary><c>array&lt;element&gt;</c>.</summary>
        public override string SimpleString
        {
            get { return "array<" + ElementType.SimpleString + ">"; }
        }
    }

    /// <summary>A map type; its values are <c>Dictionary&lt;object, object&gt;</c>.</summary>
    public sealed class MapType : DataType
    {
        /// <summary>Creates the type.</summary>
        /// <param name="keyType">The keys' type.</param>
        /// <param name="valueType">The values' type.</param>
        /// <param name="valueContainsNull">Whether values may be null.</param>
        public MapType(DataType keyType, DataType valueType, bool valueContainsNull) : base("map")
        {
            KeyType = keyType;
            ValueType = valueType;
            ValueContainsNull = valueContainsNull;
        }

        /// <summary>The keys' type.</summary>
        public DataType KeyType { get; private set; }

        /// <summary>The values' type.</summary>
        public DataType ValueType { get; private set; }

        /// <summary>Whether values may be null.</summary>
        public bool ValueContainsNull { get; private set; }

        /// <summary><c>map&lt;key,value&gt;</c>.</summary>
        public override string SimpleString
        {
            get { return "map<" + KeyType.SimpleString + "," + ValueType.SimpleString + ">"; }
        }
    }
}
