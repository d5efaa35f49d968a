using System;
using System.Reflection;

/// <summary>
/// Runs the docs' C# blocks (classes made by wrappers.py) one after another in this process and reports
/// each on a line of its own: <c>docblock ok &lt;class&gt;</c> or <c>docblock failed &lt;class&gt;: &lt;exception&gt;</c>.
/// </summary>
public static class DocBlocks
{
    public static void Main(string[] classes)
    {
        foreach (string name in classes)
        {
            try
            {
                Type.GetType(name, true).GetMethod("Main").Invoke(null, null);
                Console.WriteLine("docblock ok " + name);
            }
            catch (TargetInvocationException e)
            {
                Console.WriteLine("docblock failed " + name + ": " + e.InnerException);
            }
            Console.Out.Flush();
        }
    }
}
