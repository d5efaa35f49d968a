using System.Collections.Generic;
using System.Globalization;
using KustoSpark.Interop.Py4J;

namespace KustoSpark.Sql
{
    /// <summary>Writes a DataFrame to a data source: <c>df.Write().Format("kusto").Option(..).Mode(SaveMode.Append).Save()</c>.</summary>
    public sealed class DataFrameWriter : IJvmObjectReferenceProvider
    {
        internal DataFrameWriter(JvmObjectReference reference)
        {
            Reference = reference;
        }

        /// <summary>The JVM's <c>DataFrameWriter</c>.</summary>
        public JvmObjectReference Reference { get; private set; }

        /// <summary>The data source, such as <c>kusto</c>.</summary>
        /// <param name="source">The format's short name or provider class.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Format(string source)
        {
            return Apply("format", source);
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Option(string key, string value)
        {
            return Apply("option", key, value);
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value, given as <c>true</c> or <c>false</c>.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Option(string key, bool value)
        {
            return Option(key, value ? "true" : "false");
        }

        /// <summary>Sets an option of the data source.</summary>
        /// <param name="key">The option's name.</param>
        /// <param name="value">Its value.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Option(string key, long value)
        {
            return Option(key, value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Sets options of the data source, such as a <c>KustoWriteOptions</c>' <c>ToOptions()</c>.</summary>
        /// <param name="options">Option names and values.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Options(IDictionary<string, string> options)
        {
            foreach (var option in options)
            {
                Option(option.Key, option.Value);
            }
            return this;
        }

        /// <summary>What to do when the target exists.</summary>
        /// <param name="saveMode">The mode.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Mode(SaveMode saveMode)
        {
            return Mode(saveMode.ToString().ToLowerInvariant());
        }

        /// <summary>What to do when the target exists: <c>append</c>, <c>overwrite</c>, <c>errorifexists</c> or <c>ignore</c>.</summary>
        /// <param name="saveMode">The mode's name.</param>
        /// <returns>This writer.</returns>
        public DataFrameWriter Mode(string saveMode)
        {
            return Apply("mode", saveMode);
        }

        /// <summary>Writes the rows.</summary>
        public void Save()
        {
            Reference.Invoke("save");
        }

        /// <summary>Writes the rows to a path.</summary>
        /// <param name="path">The path.</param>
        public void Save(string path)
        {
            Reference.Invoke("save", path);
        }

        private DataFrameWriter Apply(string method, params object[] args)
        {
            // The JVM writer returns itself; the extra reference is released at once.
            Reference.InvokeObject(method, args).Dispose();
            return this;
        }
    }
}
