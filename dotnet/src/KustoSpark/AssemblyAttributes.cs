using System.Runtime.CompilerServices;

// The tests check the JSON reader and the Java-compatible number and time formats directly.
[assembly: InternalsVisibleTo("KustoSpark.Tests")]
