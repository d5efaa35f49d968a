using System;
using KustoSpark.Sql;

namespace KustoSpark.Tests.Programs
{
    /// <summary>
    /// Holds a Spark session for the JVM lifecycle tests: prints <c>driver PID</c>, then on the line
    /// <c>dispose</c> disposes the session and prints <c>disposed</c>; exits when stdin ends.
    /// </summary>
    public static class SessionHolder
    {
        public static int Main()
        {
            SparkSession spark = SparkSession.Builder().Master("local[1]").AppName("session-holder")
                .Config("spark.ui.enabled", false).GetOrCreate();
            Console.WriteLine("driver " + spark.DriverProcessId);
            Console.Out.Flush();
            string line;
            while ((line = Console.ReadLine()) != null)
            {
                if (line == "dispose")
                {
                    spark.Dispose();
                    Console.WriteLine("disposed");
                    Console.Out.Flush();
                }
            }
            return 0;
        }
    }
}
