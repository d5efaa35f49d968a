namespace KustoSpark
{
    /// <summary>
    /// How a write ingests (option <c>writeMode</c>). Option strings are parsed ignoring case; the
    /// option map holds the canonical name.
    /// </summary>
    public enum WriteMode
    {
        /// <summary>Staged in a temporary table and moved to the target table at commit.</summary>
        Transactional,

        /// <summary>Queued ingestion straight into the target table.</summary>
        Queued,

        /// <summary>Streaming ingestion straight into the target table.</summary>
        KustoStreaming,
    }
}
