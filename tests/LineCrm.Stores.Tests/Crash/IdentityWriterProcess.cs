using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using LineCrm.Testing;

namespace LineCrm.Stores.Tests.Crash;

/// <summary>
/// One life of the identity graph writer (tests/LineCrm.Stores.IdentityCrashHost) as a child process: its "saved N"
/// lines read as they come, so the test can kill it right after a save it knows has returned.
/// </summary>
internal sealed class IdentityWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<long> _saved = Channel.CreateUnbounded<long>();
    private readonly Task _reading;
    private readonly Task<string> _errors;

    private IdentityWriterProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        // On a thread of its own: while the child writes lines as fast as they are read, ReadAsync never yields.
        _reading = Task.Run(ReadAsync);
        Exited = process.WaitForExitAsync();
    }

    public static string HostPath { get; } = ChildHost.PathOf(typeof(IdentityWriterProcess).Assembly, "IdentityCrashHostPath");

    /// <summary>Completes when the process has ended, killed or not.</summary>
    public Task Exited { get; }

    /// <summary>The last batch whose save returned, as the child said; null before the first.</summary>
    public long? LastSaved { get; private set; }

    public static IdentityWriterProcess Start(string database, long lastBatch)
    {
        var started = Process.Start(ChildHost.StartInfo(HostPath, [database, lastBatch.ToString(CultureInfo.InvariantCulture)]));
        return new IdentityWriterProcess(started ?? throw new InvalidOperationException("The identity writer did not start."));
    }

    /// <summary>Waits until the child has said it saved <paramref name="count"/> more batches; false when it ended first.</summary>
    public async Task<bool> WaitForSavesAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        for (var i = 0; i < count; i++)
        {
            if (!await _saved.Reader.WaitToReadAsync(timeout.Token))
            {
                return false;
            }

            LastSaved = await _saved.Reader.ReadAsync(timeout.Token);
        }

        return true;
    }

    /// <summary>SIGKILL: the process ends at once, mid-batch or mid-commit. False when it had already ended.</summary>
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
            return false;
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(60));
        await _reading.WaitAsync(TimeSpan.FromSeconds(60));

        // Lines the child wrote before it died still count: those saves had returned.
        while (_saved.Reader.TryRead(out var batch))
        {
            LastSaved = batch;
        }

        return true;
    }

    public async Task<string> ErrorsAsync() => await _errors;

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("saved ", StringComparison.Ordinal))
            {
                await _saved.Writer.WriteAsync(long.Parse(line.AsSpan(6), CultureInfo.InvariantCulture));
            }
        }

        _saved.Writer.Complete();
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
