using System;
using System.IO;
using System.Text;
using KustoSpark;

/// The C# side of dotnet/compare-with-java.sh: reads cases ("KIND<tab>base64 of the UTF-16LE payload") from stdin
/// and prints, base64-encoded, what the C# builders make of each, in the same form as Harness.java.
internal static class Harness
{
    private static void Main()
    {
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        for (string line = input.ReadLine(); line != null; line = input.ReadLine())
        {
            string[] parts = line.Split(new[] { '\t' }, 2);
            string payload = Encoding.Unicode.GetString(Convert.FromBase64String(parts[1]));
            string result;
            try
            {
                result = "OK " + Run(parts[0], payload);
            }
            catch (ArgumentException e)
            {
                result = "ERR " + e.Message;
            }
            catch (Exception e)
            {
                result = "CRASH " + e.GetType().Name + ": " + e.Message;
            }
            // UTF-16 keeps unpaired surrogates, which UTF-8 would replace.
            Console.WriteLine(Convert.ToBase64String(Encoding.Unicode.GetBytes(result)));
        }
    }

    private static string Run(string kind, string payload)
    {
        switch (kind)
        {
            case "CRP": return ClientRequestProperties.FromJson(payload).ToJson();
            case "SIP": return SparkIngestionProperties.FromJson(payload).ToJson();
            case "DYN": return ClientRequestProperties.Builder().DynamicParameter("d", payload).Build().ToJson();
            case "REAL":
                return ClientRequestProperties.Builder()
                    .RealParameter("r", BitConverter.Int64BitsToDouble(long.Parse(payload))).Build().ToJson();
            default: return KustoOption.ForKey(kind.Substring("OPT:".Length)).Validate(payload);
        }
    }
}
