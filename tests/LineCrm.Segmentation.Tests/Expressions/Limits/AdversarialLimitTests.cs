using System.Diagnostics;
using LineCrm.Segmentation.Expressions;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>
/// Runs <see cref="AdversarialCases"/> in a child process (this test assembly again, filtered to
/// <see cref="Probe"/>) under a 100 MB GC heap limit, so that a case that runs out of memory or overflows the
/// stack fails this test with its name instead of ending the test run. Each case must end in the
/// <see cref="CelLimitExceededException"/> it names.
/// </summary>
public sealed class AdversarialLimitTests
{
    private const string ReportVariable = "LINECRM_CEL_PROBE_REPORT";

    [Fact]
    public async Task Every_adversarial_case_ends_in_its_limit_error_within_a_100_MB_heap()
    {
        var report = Path.Combine(Path.GetTempPath(), $"cel-probe-{Guid.NewGuid():N}.txt");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(typeof(AdversarialLimitTests).Assembly.Location);
            start.ArgumentList.Add("-method");
            start.ArgumentList.Add($"{typeof(AdversarialLimitTests).FullName}.{nameof(Probe)}");
            start.Environment[ReportVariable] = report;
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x6400000";
            start.Environment["DOTNET_gcServer"] = "0";

            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

            // A safety net for a hang, far above what the cases take: a hung case is the failure this reports.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            try
            {
                await child.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                throw;
            }

            var lines = File.Exists(report) ? await File.ReadAllLinesAsync(report, TestContext.Current.CancellationToken) : [];
            var context = $"exit {child.ExitCode}\n{string.Join('\n', lines)}\n{await output}\n{await errors}";
            foreach (var line in lines)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(line);
            }

            foreach (var @case in AdversarialCases.All)
            {
                var result = lines.FirstOrDefault(l => l.StartsWith($"end\t{@case.Name}\t", StringComparison.Ordinal));
                Assert.True(result is not null, $"'{@case.Name}' did not finish: the child crashed or hung in it.\n{context}");
                var outcome = result.Split('\t')[2];
                Assert.True(@case.Limits.Contains(outcome), $"'{@case.Name}' ended in {outcome}, not {string.Join(" or ", @case.Limits)}.\n{context}");
            }

            Assert.Equal(0, child.ExitCode);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>The child's side: runs every case and writes one line before and one after each.</summary>
    [Fact]
    public void Probe()
    {
        var report = Environment.GetEnvironmentVariable(ReportVariable);
        if (report is null)
        {
            Assert.Skip("Runs only as the child process of " + nameof(Every_adversarial_case_ends_in_its_limit_error_within_a_100_MB_heap) + ".");
        }

        using var writer = new StreamWriter(report, append: false) { AutoFlush = true };
        foreach (var @case in AdversarialCases.All)
        {
            writer.WriteLine($"start\t{@case.Name}");
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                @case.Run();
                outcome = "value";
            }
            catch (CelLimitExceededException e)
            {
                outcome = e.LimitName;
            }
            catch (CelException e)
            {
                outcome = e.GetType().Name + ": " + e.Message;
            }

            writer.WriteLine($"end\t{@case.Name}\t{outcome}\t{clock.ElapsedMilliseconds} ms\tprocess peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        }
    }
}
