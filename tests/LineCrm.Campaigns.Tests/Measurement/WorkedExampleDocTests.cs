using System.Globalization;
using LineCrm.Campaigns.Measurement;
using LineCrm.Testing;

namespace LineCrm.Campaigns.Tests.Measurement;

/// <summary>The worked example of docs/campaigns.md is the code's output: each table line, computed here, is on the page.</summary>
public sealed class WorkedExampleDocTests
{
    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Points(double share) => F(share * 100, "F2");

    [Fact]
    public void The_worked_example_table_is_what_the_code_computes()
    {
        var root = SharedData.RepositoryRoot() ?? throw new InvalidOperationException("No LineCrm.sln above the test binaries.");
        var page = File.ReadAllText(Path.Combine(root, "docs", "campaigns.md"));
        var r = UpliftMeasurement.Measure(new GroupOutcome(9000, 540, 4.80, 520), new GroupOutcome(1000, 50, 3.90, 400), new UpliftOptions { PricePerMessage = 3 });
        var revenue = r.RevenuePerPersonDifferenceInterval!.Value;

        string[] lines =
        [
            $"| conversion rate, treatment / holdout | {Points(r.Treatment.ConversionRate)}% / {Points(r.Holdout.ConversionRate)}% | |",
            $"| absolute uplift | {Points(r.AbsoluteUplift)} points | {Points(r.AbsoluteUpliftInterval.Lower)} to {Points(r.AbsoluteUpliftInterval.Upper)} points |",
            $"| relative uplift | {F(r.RelativeUplift!.Value * 100, "F1")}% | |",
            $"| revenue per person difference | {F(r.RevenuePerPersonDifference, "F2")} | {F(revenue.Lower, "F2")} to {F(revenue.Upper, "F2")} (df {F(r.RevenueDegreesOfFreedom!.Value, "F1")}) |",
            $"| incremental conversions | {F(r.IncrementalConversions, "F1")} | {F(r.IncrementalConversionsInterval.Lower, "F1")} to {F(r.IncrementalConversionsInterval.Upper, "F1")} |",
            $"| incremental revenue | {F(r.IncrementalRevenue, "F0")} | |",
            $"| message cost | {F(r.MessageCost, "F0")} | |",
            $"| cost per incremental conversion | {F(r.CostPerIncrementalConversion!.Value, "F2")} | |",
            $"| minimum detectable effect | {Points(r.MinimumDetectableEffect)} points | |",
            $"| holdout too small | {(r.HoldoutTooSmall ? "yes" : "no")} | |",
        ];

        Assert.All(lines, line => Assert.Contains(line, page, StringComparison.Ordinal));
    }

    [Fact]
    public void The_pages_tenfold_holdout_claim_holds()
    {
        var r = UpliftMeasurement.Measure(new GroupOutcome(90000, 5400, 4.80, 520), new GroupOutcome(10000, 500, 3.90, 400));
        Assert.Equal("0.70", Points(r.MinimumDetectableEffect));
        Assert.True(r.AbsoluteUpliftInterval.ExcludesZero);
    }
}
