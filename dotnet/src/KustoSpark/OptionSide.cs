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

    /// <summary>What the connector does with an option name of the established connector.</summary>
    public enum OptionDisposition
    {
        /// <summary>The option works.</summary>
        Supported,

        /// <summary>The option is accepted and has no effect; the connector logs why.</summary>
        Ignored,

        /// <summary>The option is refused with what to do instead.</summary>
        Unsupported,
    }
}
