using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>
    /// No driver JVM outlives its session: not after Dispose, and not after the .NET process is killed
    /// (the gateway sees its stdin end). Each case runs the session in a process of its own.
    /// </summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class JvmLifecycleTest
    {
        private static readonly TimeSpan JvmExitTimeout = TimeSpan.FromSeconds(60);

        [Test]
        public void DisposeStopsTheDriverJvm()
        {
            using (Process holder = StartHolder())
            {
                int driver = ReadDriverPid(holder);
                Assert.IsTrue(IsRunning(driver), "the driver JVM runs while the session is open");

                holder.StandardInput.WriteLine("dispose");
                holder.StandardInput.Flush();
                Assert.AreEqual("disposed", holder.StandardOutput.ReadLine());

                Assert.IsFalse(IsRunning(driver), "Dispose returns once the driver JVM has exited");
                Assert.IsFalse(holder.HasExited, "the .NET process is still running");
                holder.StandardInput.Close();
                Assert.IsTrue(holder.WaitForExit(30000));
                Assert.AreEqual(0, holder.ExitCode);
            }
        }

        [Test]
        public void KillingTheDotNetProcessEndsTheDriverJvm()
        {
            using (Process holder = StartHolder())
            {
                int driver = ReadDriverPid(holder);
                Assert.IsTrue(IsRunning(driver));

                Assert.AreEqual(0, Signals.Send("-KILL", holder.Id), "kill -KILL " + holder.Id);
                Assert.IsTrue(holder.WaitForExit(30000), "kill -9 ends the .NET process");

                Assert.IsTrue(AwaitExit(driver, JvmExitTimeout), "the driver JVM " + driver + " exits after its .NET process was killed");
            }
        }

        private static Process StartHolder()
        {
            SparkTestEnvironment.UseProjectDefaults();
            string holder = Path.Combine(ProjectPaths.TestBinaries, "SessionHolder.exe");
            Assert.IsTrue(File.Exists(holder), holder + " is built by dotnet/build.sh");
            var info = new ProcessStartInfo("mono", "\"" + holder + "\"")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
            };
            return Process.Start(info);
        }

        private static int ReadDriverPid(Process holder)
        {
            string line;
            while ((line = holder.StandardOutput.ReadLine()) != null)
            {
                if (line.StartsWith("driver ", StringComparison.Ordinal))
                {
                    return int.Parse(line.Substring(7));
                }
            }
            Assert.Fail("the session holder exited before its session started");
            return -1;
        }

        /// <summary>Running, per /proc: a zombie waiting for a reaper counts as exited.</summary>
        private static bool IsRunning(int pid)
        {
            string stat = Path.Combine("/proc", pid.ToString(), "stat");
            try
            {
                string text = File.ReadAllText(stat);
                string state = text.Substring(text.LastIndexOf(')') + 2, 1);
                return state != "Z" && state != "X";
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool AwaitExit(int pid, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (IsRunning(pid))
            {
                if (clock.Elapsed > timeout)
                {
                    return false;
                }
                System.Threading.Thread.Sleep(200);
            }
            return true;
        }
    }
}
