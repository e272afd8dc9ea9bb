using System.Diagnostics;
using LineCrm.Testing;

namespace LineCrm.Messaging.AspNetCore.Tests.Crash;

/// <summary>
/// One life of the crash host (tests/LineCrm.Messaging.AspNetCore.CrashHost) as a child process: started, waited
/// for until Kestrel listens, then killed with SIGKILL or stopped with SIGTERM.
/// </summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;

    private CrashHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string HostPath { get; } = ChildHost.PathOf(typeof(CrashHostProcess).Assembly, "CrashHostPath");

    public static async Task<CrashHostProcess> StartAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var process = Process.Start(ChildHost.StartInfo(HostPath, arguments)) ?? throw new InvalidOperationException("The crash host did not start.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(bound.Token) is { } line)
            {
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    // The rest of standard output is not read; keep the pipe from filling.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new CrashHostProcess(process, new Uri(line["listening ".Length..]));
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        string text;
        lock (errors)
        {
            text = errors.ToString();
        }

        process.Dispose();
        throw new InvalidOperationException($"The crash host did not report its address within 60 s (exit code {process.ExitCode}): {text}");
    }

    /// <summary>SIGKILL: the process ends at once, mid-request and mid-handler.</summary>
    public async Task KillAsync()
    {
        _process.Kill(); // SIGKILL on Unix
        await WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's normal stop (what systemd, Docker and Kubernetes send).</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(CancellationToken.None);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
            }
        }

        await WaitForExitAsync();
    }

    private async Task WaitForExitAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(bound.Token);
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
