namespace KustoSpark
{
    /// <summary>
    /// What a connector option does here, compared with the established connector (this connector's
    /// own options are <see cref="Supported"/>). <see cref="Ignored"/> and <see cref="Unavailable"/> act
    /// only on a value other than the option's default.
    /// </summary>
    public enum OptionDisposition
    {
        /// <summary>It does what it does in the established connector.</summary>
        Supported,

        /// <summary>Its value sets a setting of this connector that the description names.</summary>
        Mapped,

        /// <summary>Accepted without effect; a read or write that sets it logs a warning saying why.</summary>
        Ignored,

        /// <summary>Accepted, but a read or write that sets it fails, saying what to do instead.</summary>
        Unavailable,
    }
}
