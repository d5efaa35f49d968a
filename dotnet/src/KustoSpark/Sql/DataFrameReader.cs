using System.Collections.Generic;
using System.Globalization;
using KustoSpark.Interop.Py4J;

namespace KustoSpark.Sql
{
    /// <summary>Reads a DataFrame from a data source: <c>spark.Read().Format("kusto").Option(..).Load()</c>.</summary>
    public sealed class DataFrameReader : IJvmObjectReferenceProvider
    {
        private readonly SparkSession _session;

        internal DataFrameReader(JvmObjectReference reference, SparkSession session)
        {
            Reference = reference;
            _session = session;
        }

        /// <summary>The JVM's <c>DataFrameReader</c>.</summary>
        public JvmObjectReference Reference { get; private set; }

        /// <summary>The data source, such as <c>kusto</c>.</summary>
        /// <param name="source">The format's short name or provider class.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Format(string source)
        {
            return Apply("format", source);
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Option(string key, string value)
        {
            return Apply("option", key, value);
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value, given as <c>true</c> or <c>false</c>.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Option(string key, bool value)
        {
            return Option(key, value ? "true" : "false");
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Option(string key, long value)
        {
            return Option(key, value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Option(string key, double value)
        {
            return Option(key, value.ToString("R", CultureInfo.InvariantCulture));
        }

        /// <summary>Sets options of the data source, such as a <c>KustoReadOptions</c>' <c>ToOptions()</c>.</summary>
        /// <param name="options">Option names and values.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Options(IDictionary<string, string> options)
        {
            foreach (var option in options)
            {
                Option(option.Key, option.Value);
            }
            return this;
        }

        /// <summary>The schema of the data, instead of the one the source infers.</summary>
        /// <param name="schemaString">The schema in DDL form, such as <c>x BIGINT, s STRING</c>.</param>
        /// <returns>This reader.</returns>
        public DataFrameReader Schema(string schemaString)
        {
            return Apply("schema", schemaString);
        }

        /// <summary>Loads the data.</summary>
        /// <returns>The DataFrame.</returns>
        public DataFrame Load()
        {
            return new DataFrame(Reference.InvokeObject("load"), _session);
        }

        /// <summary>Loads the data at a path.</summary>
        /// <param name="path">The path.</param>
        /// <returns>The DataFrame.</returns>
        public DataFrame Load(string path)
        {
            return new DataFrame(Reference.InvokeObject("load", path), _session);
        }

        private DataFrameReader Apply(string method, params object[] args)
        {
            // The JVM reader returns itself; the extra reference is released at once.
            Reference.InvokeObject(method, args).Dispose();
            return this;
        }
    }
}
