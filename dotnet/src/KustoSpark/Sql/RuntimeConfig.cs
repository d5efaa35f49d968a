using KustoSpark.Interop.Py4J;

namespace KustoSpark.Sql
{
    /// <summary>The runtime configuration of a <see cref="SparkSession"/> (<c>spark.conf</c>).</summary>
    public sealed class RuntimeConfig : IJvmObjectReferenceProvider
    {
        internal RuntimeConfig(JvmObjectReference reference)
        {
            Reference = reference;
        }

        /// <summary>The JVM's <c>RuntimeConfig</c>.</summary>
        public JvmObjectReference Reference { get; private set; }

        /// <summary>Sets a value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        public void Set(string key, string value)
        {
            Reference.Invoke("set", key, value);
        }

        /// <summary>A value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="defaultValue">What to return when the key is not set.</param>
        /// <returns>The value, or <paramref name="defaultValue"/>.</returns>
        public string Get(string key, string defaultValue)
        {
            return (string)Reference.Invoke("get", key, defaultValue);
        }

        /// <summary>Removes a value.</summary>
        /// <param name="key">The key.</param>
        public void Unset(string key)
        {
            Reference.Invoke("unset", key);
        }
    }
}
