using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Text;

namespace KustoSpark.Sql
{
    /// <summary>A struct type: the schema of a DataFrame, or a struct column's type. Its values are <see cref="Row"/>s.</summary>
    public sealed class StructType : DataType
    {
        /// <summary>Creates the type.</summary>
        /// <param name="fields">The fields, in order.</param>
        public StructType(IEnumerable<StructField> fields) : base("struct")
        {
            Fields = fields.ToList().AsReadOnly();
        }

        /// <summary>The fields, in order.</summary>
        public IReadOnlyList<StructField> Fields { get; private set; }

        /// <summary>The index of the field <paramref name="name"/>.</summary>
        /// <param name="name">A field name, compared exactly.</param>
        /// <returns>The field's index.</returns>
        /// <exception cref="ArgumentException">There is no such field.</exception>
        public int FieldIndex(string name)
        {
            for (int i = 0; i < Fields.Count; i++)
            {
                if (Fields[i].Name == name)
                {
                    return i;
                }
            }
            throw new ArgumentException("No field '" + name + "'; the fields are: " + string.Join(", ", Fields.Select(f => f.Name)) + ".", "name");
        }

        /// <summary><c>struct&lt;name:type,...&gt;</c>.</summary>
        public override string SimpleString
        {
            get { return "struct<" + string.Join(",", Fields.Select(f => f.Name + ":" + f.DataType.SimpleString)) + ">"; }
        }

        internal static StructType FromJsonFields(IList<object> fields)
        {
            return new StructType(fields.Cast<JsonObject>().Select(field =>
                new StructField((string)field["name"], FromJson(field["type"]), (bool)field["nullable"])));
        }
    }

    /// <summary>A field of a <see cref="StructType"/>.</summary>
    public sealed class StructField
    {
        /// <summary>Creates the field.</summary>
        /// <param name="name">Its name.</param>
        /// <param name="dataType">Its type.</param>
        /// <param name="isNullable">Whether it may be null.</param>
        public StructField(string name, DataType dataType, bool isNullable = true)
        {
            Name = name;
            DataType = dataType;
            IsNullable = isNullable;
        }

        /// <summary>The field's name.</summary>
        public string Name { get; private set; }

        /// <summary>The field's type.</summary>
        public DataType DataType { get; private set; }

        /// <summary>Whether the field may be null.</summary>
        public bool IsNullable { get; private set; }

        /// <summary><c>name: type</c>.</summary>
        /// <returns>The field in SQL form.</returns>
        public override string ToString()
        {
            return Name + ": " + DataType.SimpleString + (IsNullable ? "" : " not null");
        }
    }
}
