using System.Diagnostics;
using System.Text.Json;
using LineCrm.Samples.Analysis.Reports;
using LineCrm.Samples.Analysis.Steps;
using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Samples.Analysis;

/// <summary>
/// The main job of LineCrm: data -> identities -> member table -> segments -> funnel and purchase analytics ->
/// (on the demo data) a week of campaigns sent, answered and measured -> reports. Each step is its own class in Steps/; this class runs them in order, prints the tables and writes
/// report.json and report.html. Program.cs only hands it the console; tests hand it their own writers.
/// </summary>
internal static class AnalysisJob
{
    /// <summary>Exit code for a run that worked.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input could not be loaded (missing file, bad format).</summary>
    public const int InputError = 1;

    /// <summary>Exit code for a command line that does not parse.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = AnalysisArguments.Parse(args, error);
        if (arguments is null)
        {
            await error.WriteLineAsync(AnalysisArguments.Usage).ConfigureAwait(false);
            return UsageError;
        }

        if (arguments.Help)
        {
            await output.WriteLineAsync(AnalysisArguments.Usage).ConfigureAwait(false);
            return Success;
        }

        var timeZone = arguments.TimeZone;
        var clock = Stopwatch.StartNew();
        var timings = new List<(string Step, TimeSpan Took)>();
        T Timed<T>(string step, Func<T> run)
        {
            var start = clock.Elapsed;
            var result = run();
            timings.Add((step, clock.Elapsed - start));
            return result;
        }

        AnalysisInput input;
        try
        {
            var start = clock.Elapsed;
            input = arguments.OrdersFile is { } path
                ? await LoadStep.OrderFileAsync(path, arguments.Format, timeZone, cancellationToken).ConfigureAwait(false)
                : LoadStep.Demo(arguments.Friends);
            timings.Add(("load", clock.Elapsed - start));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OrderFileFormatException)
        {
            await error.WriteLineAsync($"Cannot load {arguments.OrdersFile}: {e.Message}").ConfigureAwait(false);
            return InputError;
        }

        var persons = Timed("identity resolution", () => IdentityStep.Resolve(input));
        var members = Timed("member table", () => MemberStep.Build(input, persons));
        var segments = Timed("segments", () => SegmentStep.Evaluate(members, input.AsOf, input.HasLineData));
        var (orders, friends) = Timed("tables", () => TableStep.Build(members));
        var (purchases, line) = Timed("funnel and purchase analytics", () => MetricsStep.Compute(input, orders, friends, timeZone));
        CampaignWeek? campaigns = null;
        if (arguments.OrdersFile is null)
        {
            // The campaign week needs LINE friends to message: the demo population has them, order files do not.
            var start = clock.Elapsed;
            campaigns = await CampaignStep.RunAsync(members, cancellationToken).ConfigureAwait(false);
            timings.Add(("campaigns", clock.Elapsed - start));
        }

        var result = new AnalysisResult(input, timeZone, persons.Method, persons.Count, members.Count, segments, purchases, line) { Campaigns = campaigns };

        ConsoleReport.Write(output, result);

        Directory.CreateDirectory(arguments.OutputDirectory);
        var jsonPath = Path.Combine(arguments.OutputDirectory, "report.json");
        var htmlPath = Path.Combine(arguments.OutputDirectory, "report.html");
        var json = JsonSerializer.Serialize(ReportDocument.From(result), ReportJsonContext.Default.ReportDocument) + "\n";
        await File.WriteAllTextAsync(jsonPath, json, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(htmlPath, HtmlReport.Render(result), cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Steps: {string.Join(", ", timings.Select(t => $"{t.Step} {t.Took.TotalMilliseconds:N0} ms"))}; total {clock.Elapsed.TotalMilliseconds:N0} ms").ConfigureAwait(false);
        await output.WriteLineAsync($"Reports: {Path.GetFullPath(jsonPath)}").ConfigureAwait(false);
        await output.WriteLineAsync($"         {Path.GetFullPath(htmlPath)}").ConfigureAwait(false);
        return Success;
    }
}
