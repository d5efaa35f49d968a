namespace KustoSpark.Sql
{
    /// <summary>What a write does when its target exists.</summary>
    public enum SaveMode
    {
        /// <summary>Adds the rows to the target.</summary>
        Append,

        /// <summary>Replaces the target's data.</summary>
        Overwrite,

        /// <summary>Fails when the target exists (Spark's default).</summary>
        ErrorIfExists,

        /// <summary>Writes nothing when the target exists.</summary>
        Ignore,
    }
}
