using System;

namespace KustoSpark.Interop.Py4J
{
    /// <summary>
    /// The gateway could not be reached or could not run a call (no such method or field, arguments
    /// that fit no overload, a closed connection); errors thrown by Java code are <see cref="JavaException"/>s.
    /// </summary>
    public class Py4JException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What failed.</param>
        public Py4JException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        /// <param name="message">What failed.</param>
        /// <param name="inner">The cause.</param>
        public Py4JException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
