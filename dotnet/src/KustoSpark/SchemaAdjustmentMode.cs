namespace KustoSpark
{
    /// <summary>
    /// How a write reconciles the DataFrame's columns with an existing table's (option <c>adjustSchema</c>).
    /// </summary>
    public enum SchemaAdjustmentMode
    {
        /// <summary>Write the columns in order, as they are.</summary>
        NoAdjustment,

        /// <summary>Fail unless the columns equal the table's.</summary>
        FailIfNotMatch,

        /// <summary>Map the columns to the table's by name.</summary>
        GenerateDynamicCsvMapping,
    }
}
