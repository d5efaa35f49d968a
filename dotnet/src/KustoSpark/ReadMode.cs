namespace KustoSpark
{
    /// <summary>
    /// How a read runs (option <c>readMode</c>). Option strings are parsed ignoring case; the
    /// option map holds the canonical name.
    /// </summary>
    public enum ReadMode
    {
        /// <summary>One query, read by one task.</summary>
        ForceSingleMode,

        /// <summary>An export of the query to transient storage, read by many tasks.</summary>
        ForceDistributedMode,

        /// <summary><c>numPartitions</c> queries, each reading one hash partition of the result.</summary>
        ForcePartitionedMode,
    }
}
