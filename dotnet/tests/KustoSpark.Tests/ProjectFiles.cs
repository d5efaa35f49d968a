using System;
using System.IO;

namespace KustoSpark.Tests
{
    /// Files of the project that the tests read: the shared canonical JSON cases, the test matrix's
    /// vectors and the option reference.
    internal static class ProjectFiles
    {
        internal static string Root
        {
            get
            {
                string root = Environment.GetEnvironmentVariable("KUSTO_SPARK_PROJECT_ROOT");
                if (!string.IsNullOrEmpty(root)) return root;
                // dotnet/bin/KustoSpark.Tests.dll -> the project's root
                string bin = Path.GetDirectoryName(typeof(ProjectFiles).Assembly.Location);
                return Path.GetFullPath(Path.Combine(bin, "..", ".."));
            }
        }

        internal static string PathOf(params string[] parts)
        {
            string path = Root;
            foreach (string p in parts) path = Path.Combine(path, p);
            return path;
        }

        internal static string Read(params string[] parts)
        {
            return File.ReadAllText(PathOf(parts), System.Text.Encoding.UTF8);
        }
    }
}
