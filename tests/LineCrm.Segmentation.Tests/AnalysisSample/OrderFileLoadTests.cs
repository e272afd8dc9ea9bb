using System.Text.Json;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>
/// The job's load step reads an order file as the readers' event stream: rows that once aborted the run (exit 134)
/// are counted and described with their line numbers, and the rest are analysed.
/// </summary>
public sealed class OrderFileLoadTests
{
    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_the_job_analyses_the_rest()
    {
        var file = Path.Combine(Path.GetTempPath(), "linecrm-orders-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "order_id,customer,ordered_at,amount,currency",
            "O-1,web:M-1,2026-01-05,100,JPY",
            "O-2,web:M-2,0001-01-01T00:00:00,200,JPY",
            "O-3,web:M-3,2026-01-06,1e400,JPY",
            $"O-4,web:{new string('m', 300)},2026-01-06,400,JPY",
            "O-1,web:M-1,2026-01-05,100,JPY",
            "O-5,web:M-1,2026-02-10,50,JPY",
            ""), TestContext.Current.CancellationToken);
        try
        {
            using var run = await AnalysisRun.StartAsync("--orders", file, "--format", "csv", "--time-zone", "Asia/Tokyo");
            var report = run.ReadReport();

            var input = report.GetProperty("input");
            Assert.Equal((6, 4), (input.GetProperty("rows").GetInt32(), input.GetProperty("invalidRows").GetInt32()));
            Assert.Equal(["line 3, ", "line 4, ", "line 5, ", "line 6, "],
                input.GetProperty("problems").EnumerateArray().Select(p => p.GetString()![..8]));
            Assert.Equal(2, report.GetProperty("orders").GetInt32());
            Assert.Equal(1, report.GetProperty("customers").GetInt32());
            Assert.Equal(150m, report.GetProperty("revenue").GetDecimal());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
