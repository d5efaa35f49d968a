using System.Collections.Generic;
using System.Text;

namespace KustoSpark.Interop
{
    /// <summary>
    /// One command line from arguments, for <c>ProcessStartInfo.Arguments</c> (netstandard2.0 has no
    /// argument list): quoted the way both .NET on Windows and Mono on Unix split it again.
    /// </summary>
    internal static class CommandLine
    {
        internal static string Join(IEnumerable<string> args)
        {
            var line = new StringBuilder();
            foreach (string arg in args)
            {
                if (line.Length > 0)
                {
                    line.Append(' ');
                }
                line.Append(Quote(arg));
            }
            return line.ToString();
        }

        private static string Quote(string arg)
        {
            if (arg.Length > 0 && arg.IndexOfAny(new[] { ' ', '\t', '"', '\\', '\'' }) < 0)
            {
                return arg;
            }
            var quoted = new StringBuilder("\"");
            int backslashes = 0;
            foreach (char c in arg)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                if (c == '"')
                {
                    // Backslashes before a quote are doubled, and the quote is escaped.
                    quoted.Append('\\', backslashes * 2 + 1).Append('"');
                }
                else
                {
                    quoted.Append('\\', backslashes).Append(c);
                }
                backslashes = 0;
            }
            quoted.Append('\\', backslashes * 2).Append('"');
            return quoted.ToString();
        }
    }
}
