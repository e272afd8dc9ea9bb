using System.Text.Json;
using LineCrm.Testing;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

public sealed class CdnowReportTests
{
    // Facts anyone can count in the file: 23,570 customer ids, 69,659 lines, and every customer's first line in
    // January to March 1997 (the file is that cohort, followed to June 1998).
    [Fact]
    public async Task The_job_on_CDNOW_reports_the_files_customers_orders_and_first_quarter_cohort_and_no_funnel()
    {
        var path = SharedData.Require("data/cdnow/CDNOW_master.txt");
        using var run = await AnalysisRun.StartAsync("--orders", path, "--format", "cdnow");
        var report = run.ReadReport();

        ReportShape.CheckPurchaseFigures(report);
        Assert.Equal(23_570, report.GetProperty("customers").GetInt32());
        Assert.Equal(69_659, report.GetProperty("orders").GetInt32());
        Assert.Equal(["1997-01", "1997-02", "1997-03"], report.GetProperty("firstPurchasesByMonth").EnumerateObject().Select(p => p.Name));
        Assert.False(report.TryGetProperty("funnel", out _), "an order file has no LINE data, so no funnel");
    }

    [Fact]
    public async Task Without_LINE_data_the_segments_that_read_LINE_facts_say_so_and_the_purchase_segment_is_evaluated()
    {
        var path = SharedData.Require("data/cdnow/CDNOW_master.txt");
        using var run = await AnalysisRun.StartAsync("--orders", path, "--format", "cdnow");
        var segments = run.ReadReport().GetProperty("segments");

        foreach (var id in new[] { "active-store-repeaters", "linked-never-bought" })
        {
            var segment = segments.GetProperty(id);
            Assert.Equal(JsonValueKind.Null, segment.GetProperty("members").ValueKind);
            Assert.Contains("needs LINE facts", segment.GetProperty("note").GetString(), StringComparison.Ordinal);
        }

        // Lapsed: bought, but not in the 180 days before the file's last order. Every CDNOW customer bought, so
        // this is at most all of them and at least those whose only purchase days were in the first quarter of 1997.
        var lapsed = segments.GetProperty("lapsed-customers");
        Assert.InRange(lapsed.GetProperty("members").GetInt32(), 1, 23_570);
        Assert.Equal(0, lapsed.GetProperty("withLineUserId").GetInt32());
        Assert.Contains("needs LINE facts", run.Output, StringComparison.Ordinal);
    }
}
