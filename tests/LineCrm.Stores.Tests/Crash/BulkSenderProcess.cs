using System.Diagnostics;
using LineCrm.Testing;

namespace LineCrm.Stores.Tests.Crash;

/// <summary>
/// One life of the bulk sender (tests/LineCrm.Stores.BulkSendCrashHost) as a child process: started, then either
/// killed with SIGKILL or waited for until it finishes the job.
/// </summary>
internal sealed class BulkSenderProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private BulkSenderProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
        Exited = process.WaitForExitAsync();
    }

    public static string HostPath { get; } = ChildHost.PathOf(typeof(BulkSenderProcess).Assembly, "BulkSendCrashHostPath");

    /// <summary>Completes when the process has ended, killed or not.</summary>
    public Task Exited { get; }

    public static BulkSenderProcess Start(IReadOnlyList<string> arguments)
    {
        var started = Process.Start(ChildHost.StartInfo(HostPath, arguments));
        return new BulkSenderProcess(started ?? throw new InvalidOperationException("The bulk sender did not start."));
    }

    /// <summary>SIGKILL: the process ends at once, mid-send and mid-commit. False when it had already finished.</summary>
    public async Task<bool> KillAsync()
    {
        if (Exited.IsCompleted)
        {
            return false;
        }

        try
        {
            _process.Kill(); // SIGKILL on Unix
        }
        catch (InvalidOperationException)
        {
            return false; // it ended between the check and the kill
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(60));
        return true;
    }

    /// <summary>Waits for the process to finish on its own; its exit code and what it printed.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> FinishAsync(CancellationToken cancellationToken)
    {
        await Exited.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
        return (_process.ExitCode, await _output, await _errors);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
