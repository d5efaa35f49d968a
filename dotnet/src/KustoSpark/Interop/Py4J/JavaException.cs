using System;

namespace KustoSpark.Interop.Py4J
{
    /// <summary>
    /// A Java throwable raised by a call through the gateway. <see cref="Exception.Message"/> is the
    /// throwable's <c>toString()</c>; its cause, if any, is the <see cref="Exception.InnerException"/>.
    /// </summary>
    public class JavaException : Exception
    {
        /// <summary>Creates the exception for a Java throwable.</summary>
        /// <param name="javaClassName">The throwable's class name.</param>
        /// <param name="javaMessage">Its message, possibly null.</param>
        /// <param name="javaStackTrace">Its printed stack trace, causes included.</param>
        /// <param name="cause">Its cause, or null.</param>
        public JavaException(string javaClassName, string javaMessage, string javaStackTrace, JavaException cause)
            : base(javaMessage == null ? javaClassName : javaClassName + ": " + javaMessage, cause)
        {
            JavaClassName = javaClassName;
            JavaMessage = javaMessage;
            JavaStackTrace = javaStackTrace;
        }

        /// <summary>The fully qualified name of the throwable's class.</summary>
        public string JavaClassName { get; private set; }

        /// <summary>The throwable's own message (<c>getMessage()</c>), possibly null.</summary>
        public string JavaMessage { get; private set; }

        /// <summary>The throwable's stack trace as Java prints it, causes included.</summary>
        public string JavaStackTrace { get; private set; }

        /// <summary>The innermost cause: often the error that says what went wrong.</summary>
        public JavaException RootCause
        {
            get
            {
                JavaException root = this;
                while (root.InnerException is JavaException)
                {
                    root = (JavaException)root.InnerException;
                }
                return root;
            }
        }
    }
}
