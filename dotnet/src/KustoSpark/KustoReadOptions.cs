using System.Collections.Generic;

namespace KustoSpark
{
    /// <summary>
    /// Typed options of a read, for <c>spark.Read().Format("kusto").Options(opts.ToOptions()).Load()</c>.
    /// Immutable; start from <see cref="Create"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var read = KustoReadOptions.Create()
    ///     .KustoCluster("https://mycluster.westeurope.kusto.windows.net")
    ///     .KustoDatabase("db")
    ///     .KustoQuery("StormEvents | take 10")
    ///     .ReadMode(ReadMode.ForceSingleMode);
    /// IDictionary&lt;string, string&gt; options = read.ToOptions();
    /// </code>
    /// </example>
    public sealed partial class KustoReadOptions : KustoConnectionOptions<KustoReadOptions>
    {
        private static readonly KustoReadOptions Empty = new KustoReadOptions(new Dictionary<KustoOption, string>());

        private KustoReadOptions(IReadOnlyDictionary<KustoOption, string> values) : base(values)
        {
        }

        /// <summary>Options with nothing set.</summary>
        public static KustoReadOptions Create()
        {
            return Empty;
        }

        internal override KustoReadOptions Copy(IReadOnlyDictionary<KustoOption, string> newValues)
        {
            return new KustoReadOptions(newValues);
        }

        /// <summary><c>customSchema</c>: the schema as Spark DDL (<c>a INT, b STRING</c>).</summary>
        /// <param name="ddl">The schema.</param>
        public KustoReadOptions CustomSchema(string ddl)
        {
            return With(KustoOption.CustomSchema, ddl);
        }
    }
}
