using System.Collections.Generic;

namespace KustoSpark
{
    /// <summary>
    /// Typed options of a write, for <c>df.Write().Format("kusto").Options(opts.ToOptions()).Mode("append").Save()</c>.
    /// Immutable; start from <see cref="Create"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var write = KustoWriteOptions.Create()
    ///     .KustoCluster("https://mycluster.westeurope.kusto.windows.net")
    ///     .KustoDatabase("db")
    ///     .KustoTable("Events")
    ///     .WriteMode(WriteMode.Queued)
    ///     .TableCreateOptions(TableCreationMode.CreateIfNotExist);
    /// </code>
    /// </example>
    public sealed partial class KustoWriteOptions : KustoConnectionOptions<KustoWriteOptions>
    {
        private static readonly KustoWriteOptions Empty = new KustoWriteOptions(new Dictionary<KustoOption, string>());

        private KustoWriteOptions(IReadOnlyDictionary<KustoOption, string> values) : base(values)
        {
        }

        /// <summary>Options with nothing set.</summary>
        public static KustoWriteOptions Create()
        {
            return Empty;
        }

        internal override KustoWriteOptions Copy(IReadOnlyDictionary<KustoOption, string> newValues)
        {
            return new KustoWriteOptions(newValues);
        }

        /// <summary>Report all ingestion failures (<c>writeResultLimit=none</c>).</summary>
        public KustoWriteOptions NoWriteResultLimit()
        {
            return WithText(KustoOption.WriteResultLimit, "none");
        }
    }
}
