using System.Text.Json;
using LineCrm.Samples.Analysis;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>One run of the analysis job into its own temporary folder: exit code, what it printed, and report.json.</summary>
public sealed class AnalysisRun : IDisposable
{
    private AnalysisRun(string directory, int exitCode, string output, string error)
    {
        Directory = directory;
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public string JsonPath => Path.Combine(Directory, "report.json");

    public string HtmlPath => Path.Combine(Directory, "report.html");

    public static async Task<AnalysisRun> StartAsync(params string[] arguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "linecrm-analysis-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AnalysisJob.RunAsync([.. arguments, "--out", directory], output, error, TestContext.Current.CancellationToken);
        return new AnalysisRun(directory, exitCode, output.ToString(), error.ToString());
    }

    public JsonElement ReadReport()
    {
        Assert.True(ExitCode == 0, $"The job failed with exit code {ExitCode}: {Error}");
        using var document = JsonDocument.Parse(File.ReadAllText(JsonPath));
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
