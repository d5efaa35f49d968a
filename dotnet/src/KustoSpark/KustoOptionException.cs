using System;

namespace KustoSpark
{
    /// <summary>
    /// A connector option is unknown, missing or has a value that cannot be used. The message names
    /// the option, the value (never a secret's value) and what is allowed.
    /// </summary>
    public class KustoOptionException : ArgumentException
    {
        /// <summary>An exception with the given message.</summary>
        /// <param name="message">Names the option, the value and what is allowed.</param>
        public KustoOptionException(string message) : base(message)
        {
        }

        /// <summary>An exception with the given message and the problem that caused it.</summary>
        /// <param name="message">Names the option, the value and what is allowed.</param>
        /// <param name="innerException">The underlying problem.</param>
        public KustoOptionException(string message, Exception innerException) : base(message, innerException)
        {
        }
    }
}
