namespace KustoSpark
{
    /// <summary>
    /// What a write does when its table does not exist (option <c>tableCreateOptions</c>).
    /// </summary>
    public enum TableCreationMode
    {
        /// <summary>Fail the write.</summary>
        FailIfNotExist,

        /// <summary>Create the table from the DataFrame's schema.</summary>
        CreateIfNotExist,
    }
}
