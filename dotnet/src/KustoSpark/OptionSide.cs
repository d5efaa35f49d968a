namespace KustoSpark
{
    /// <summary>Which configuration a connector option belongs to.</summary>
    public enum OptionSide
    {
        /// <summary>Connection and authentication: reads and writes.</summary>
        Common,

        /// <summary>Reads only.</summary>
        Read,

        /// <summary>Writes only.</summary>
        Write,
    }
}
