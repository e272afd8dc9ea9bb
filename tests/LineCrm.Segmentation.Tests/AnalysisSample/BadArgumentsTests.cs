using LineCrm.Samples.Analysis;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

public sealed class BadArgumentsTests
{
    [Theory]
    [InlineData(new[] { "--format", "xml" }, "'--format xml' is not a valid option.")]
    [InlineData(new[] { "--friends", "-5" }, "'--friends -5' is not a valid option.")]
    [InlineData(new[] { "--colour", "blue" }, "'--colour blue' is not a valid option.")]
    [InlineData(new[] { "--orders" }, "'--orders' needs a value, or is unknown.")]
    [InlineData(new[] { "--time-zone", "Mars/Olympus" }, "'--time-zone Mars/Olympus' is not a valid option.")]
    public async Task A_bad_command_line_exits_with_2_naming_the_option_and_writes_no_report(string[] arguments, string message)
    {
        using var run = await AnalysisRun.StartAsync(arguments);

        Assert.Equal(AnalysisJob.UsageError, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.JsonPath));
    }

    [Fact]
    public async Task A_missing_order_file_exits_with_1_naming_the_file_and_writes_no_report()
    {
        var missing = Path.Combine(Path.GetTempPath(), "linecrm-no-such-orders-" + Guid.NewGuid().ToString("N") + ".csv");

        using var run = await AnalysisRun.StartAsync("--orders", missing, "--format", "csv");

        Assert.Equal(AnalysisJob.InputError, run.ExitCode);
        Assert.Contains($"Cannot load {missing}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.JsonPath));
    }

    [Fact]
    public async Task A_file_in_the_wrong_format_exits_with_1_and_the_line_and_column_of_the_problem()
    {
        var file = Path.Combine(Path.GetTempPath(), "linecrm-orders-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file, "order_id,customer,ordered_at,amount,stor_id\nO1,web:M-1,2026-01-05,100,umeda\n", TestContext.Current.CancellationToken);
        try
        {
            using var run = await AnalysisRun.StartAsync("--orders", file, "--format", "csv");

            Assert.Equal(AnalysisJob.InputError, run.ExitCode);
            Assert.Contains("stor_id", run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(run.JsonPath));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
