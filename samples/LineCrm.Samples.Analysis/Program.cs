using System.Diagnostics;
using System.Text.Json;
using LineCrm.Samples.Analysis;
using LineCrm.Samples.Analysis.Reports;
using LineCrm.Samples.Analysis.Steps;
using LineCrm.Segmentation.Ingestion;

// The main job of LineCrm: data -> identities -> segments -> funnel and purchase analytics -> reports.
// Each step is its own class in Steps/, so that the identity graph and CEL segments plug in where they belong.
var arguments = AnalysisArguments.Parse(args, Console.Error);
if (arguments is null)
{
    Console.Error.WriteLine(AnalysisArguments.Usage);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(AnalysisArguments.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

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
        ? await LoadStep.OrderFileAsync(path, arguments.Format, timeZone, cancel.Token)
        : LoadStep.Demo(arguments.Friends);
    timings.Add(("load", clock.Elapsed - start));
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or OrderFileFormatException)
{
    Console.Error.WriteLine($"Cannot load {arguments.OrdersFile}: {e.Message}");
    return 1;
}

var persons = Timed("identity resolution", () => IdentityStep.Resolve(input));
var segments = Timed("segments", SegmentStep.Evaluate);
var (orders, friends) = Timed("tables", () => TableStep.Build(input, persons));
var (purchases, line) = Timed("funnel and purchase analytics", () => MetricsStep.Compute(input, orders, friends, timeZone));
var result = new AnalysisResult(input, timeZone, persons.Method, persons.Count, segments, purchases, line);

ConsoleReport.Write(Console.Out, result);

Directory.CreateDirectory(arguments.OutputDirectory);
var jsonPath = Path.Combine(arguments.OutputDirectory, "report.json");
var htmlPath = Path.Combine(arguments.OutputDirectory, "report.html");
await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(ReportDocument.From(result), ReportJsonContext.Default.ReportDocument) + "\n", cancel.Token);
await File.WriteAllTextAsync(htmlPath, HtmlReport.Render(result), cancel.Token);

Console.WriteLine();
Console.WriteLine($"Steps: {string.Join(", ", timings.Select(t => $"{t.Step} {t.Took.TotalMilliseconds:N0} ms"))}; total {clock.Elapsed.TotalMilliseconds:N0} ms");
Console.WriteLine($"Reports: {Path.GetFullPath(jsonPath)}");
Console.WriteLine($"         {Path.GetFullPath(htmlPath)}");
return 0;
