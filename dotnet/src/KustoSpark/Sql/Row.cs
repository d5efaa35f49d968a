using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KustoSpark.Sql
{
    /// <summary>
    /// A row of a collected DataFrame. Values have the .NET type of their column: bool, sbyte, short,
    /// int, long, float, double, decimal, string, byte[], <see cref="DateTime"/> (UTC for timestamps and
    /// dates), <c>object[]</c> for arrays, <c>Dictionary&lt;object, object&gt;</c> for maps,
    /// <see cref="Row"/> for structs; null for SQL NULL.
    /// </summary>
    public sealed class Row
    {
        private readonly object[] _values;

        internal Row(object[] values, StructType schema)
        {
            _values = values;
            Schema = schema;
        }

        /// <summary>The row's schema.</summary>
        public StructType Schema { get; private set; }

        /// <summary>The values, in the schema's order.</summary>
        public IReadOnlyList<object> Values
        {
            get { return Array.AsReadOnly(_values); }
        }

        /// <summary>The number of values.</summary>
        /// <returns>The number of columns.</returns>
        public int Size()
        {
            return _values.Length;
        }

        /// <summary>The value at <paramref name="index"/>.</summary>
        /// <param name="index">A column index.</param>
        public object this[int index]
        {
            get { return _values[index]; }
        }

        /// <summary>The value at <paramref name="index"/>.</summary>
        /// <param name="index">A column index.</param>
        /// <returns>The value, or null.</returns>
        public object Get(int index)
        {
            return _values[index];
        }

        /// <summary>The value of the column <paramref name="columnName"/>.</summary>
        /// <param name="columnName">A column name.</param>
        /// <returns>The value, or null.</returns>
        public object Get(string columnName)
        {
            return _values[Schema.FieldIndex(columnName)];
        }

        /// <summary>The value at <paramref name="index"/> as a <typeparamref name="T"/>.</summary>
        /// <typeparam name="T">The value's type (nullable for a column that may be null).</typeparam>
        /// <param name="index">A column index.</param>
        /// <returns>The value.</returns>
        public T GetAs<T>(int index)
        {
            return (T)_values[index];
        }

        /// <summary>The value of the column <paramref name="columnName"/> as a <typeparamref name="T"/>.</summary>
        /// <typeparam name="T">The value's type (nullable for a column that may be null).</typeparam>
        /// <param name="columnName">A column name.</param>
        /// <returns>The value.</returns>
        public T GetAs<T>(string columnName)
        {
            return (T)Get(columnName);
        }

        /// <summary>The values as Spark prints a row: <c>[1,a,null]</c>.</summary>
        /// <returns>The row's text.</returns>
        public override string ToString()
        {
            return "[" + string.Join(",", _values.Select(Format)) + "]";
        }

        private static string Format(object value)
        {
            if (value == null)
            {
                return "null";
            }
            if (value is DateTime)
            {
                return ((DateTime)value).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            }
            var map = value as IDictionary<object, object>;
            if (map != null)
            {
                return "{" + string.Join(", ", map.Select(entry => Format(entry.Key) + " -> " + Format(entry.Value))) + "}";
            }
            var array = value as object[];
            if (array != null)
            {
                return "[" + string.Join(",", array.Select(Format)) + "]";
            }
            var formattable = value as IFormattable;
            return formattable != null ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
        }
    }
}
