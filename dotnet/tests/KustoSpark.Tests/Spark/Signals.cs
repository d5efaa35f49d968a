using System.Diagnostics;

namespace KustoSpark.Tests.Spark
{
    /// <summary>Unix signals to processes, which .NET's Process API cannot send except SIGKILL.</summary>
    internal static class Signals
    {
        /// <summary>Runs <c>kill SIGNAL PID</c>; returns its exit code (0 when the signal was sent).</summary>
        internal static int Send(string signal, int pid)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", signal + " " + pid) { UseShellExecute = false }))
            {
                kill.WaitForExit();
                return kill.ExitCode;
            }
        }
    }
}
