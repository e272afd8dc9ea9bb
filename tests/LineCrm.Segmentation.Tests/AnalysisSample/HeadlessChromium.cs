using System.Diagnostics;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>
/// Debian's chromium, run headless on a local file (no network: QUIC, background networking, component updates and
/// sync are off), each run with a fresh profile. Missing chromium skips the test, or fails it when
/// <c>LINECRM_REQUIRE_SERVERS=1</c> (CI, whose .ci/run installs it).
/// </summary>
internal static class HeadlessChromium
{
    public const string RequireVariable = "LINECRM_REQUIRE_SERVERS";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Require()
    {
        var found = Environment.GetEnvironmentVariable("LINECRM_CHROMIUM") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
        if (found is not null && File.Exists(found))
        {
            return found;
        }

        var message = $"chromium is not installed (looked in {string.Join(", ", Candidates)}; LINECRM_CHROMIUM names another). "
            + "Install it with: apt-get install -y chromium.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message + $" {RequireVariable}=1, so this is a failure, not a skip.");
        }

        Assert.Skip(message);
        return string.Empty; // Assert.Skip throws.
    }

    /// <summary>Runs chromium with <paramref name="arguments"/> and the page; its standard output, or a failure naming its error output.</summary>
    public static async Task<string> RunAsync(string chromium, string profile, IEnumerable<string> arguments, string page, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     $"--user-data-dir={profile}", .. arguments, new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
