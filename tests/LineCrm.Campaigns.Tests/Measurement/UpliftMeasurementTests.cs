using LineCrm.Campaigns.Measurement;

namespace LineCrm.Campaigns.Tests.Measurement;

/// <summary>The report's figures; the expected intervals come from expected_values.py ("the worked example").</summary>
public sealed class UpliftMeasurementTests
{
    // The worked example of docs/campaigns.md: 9,000 messaged (6% convert), 1,000 held out (5%), 3 yen a message.
    private static readonly GroupOutcome Treatment = new(9000, 540, 4.80, 520);
    private static readonly GroupOutcome Holdout = new(1000, 50, 3.90, 400);
    private static readonly UpliftOptions ThreeYen = new() { PricePerMessage = 3 };

    [Fact]
    public void The_worked_example_comes_out_as_the_formulas_say()
    {
        var report = UpliftMeasurement.Measure(Treatment, Holdout, ThreeYen);

        Assert.Equal(0.01, report.AbsoluteUplift, 1e-12);
        Assert.Equal(-0.006025085639468901, report.AbsoluteUpliftInterval.Lower, 1e-12);
        Assert.Equal(0.022917704750208878, report.AbsoluteUpliftInterval.Upper, 1e-12);
        Assert.Equal(0.2, report.RelativeUplift!.Value, 1e-12);
        Assert.Equal(0.9, report.RevenuePerPersonDifference, 1e-12);
        Assert.Equal(1305.4197419541283, report.RevenueDegreesOfFreedom!.Value, 1e-6);
        Assert.Equal(-0.4273281215401099, report.RevenuePerPersonDifferenceInterval!.Value.Lower, 1e-8);
        Assert.Equal(2.2273281215401095, report.RevenuePerPersonDifferenceInterval!.Value.Upper, 1e-8);
        Assert.Equal(90, report.IncrementalConversions, 1e-9);
        Assert.Equal(-0.006025085639468901 * 9000, report.IncrementalConversionsInterval.Lower, 1e-8);
        Assert.Equal(8100, report.IncrementalRevenue, 1e-8);
        Assert.Equal(27000, report.MessageCost);
        Assert.Equal(300, report.CostPerIncrementalConversion!.Value, 1e-9);
        Assert.Equal(0.022004089366684323, report.MinimumDetectableEffect, 1e-12);
        Assert.True(report.HoldoutTooSmall);
        Assert.False(report.AbsoluteUpliftInterval.ExcludesZero);
    }

    [Fact]
    public void A_holdout_large_enough_for_the_effect_is_not_flagged()
    {
        // Ten times the persons: the MDE is 0.00696 (expected_values.py), below the 0.01 observed.
        var report = UpliftMeasurement.Measure(new GroupOutcome(90000, 5400), new GroupOutcome(10000, 500));
        Assert.False(report.HoldoutTooSmall);
        Assert.True(report.AbsoluteUpliftInterval.ExcludesZero);
    }

    [Fact]
    public void Messages_sent_replace_one_per_person_in_the_cost()
    {
        var report = UpliftMeasurement.Measure(Treatment, Holdout, ThreeYen with { MessagesSent = 18000 });
        Assert.Equal(54000, report.MessageCost);
        Assert.Equal(600, report.CostPerIncrementalConversion!.Value, 1e-9);
    }

    [Fact]
    public void No_incremental_conversion_has_no_cost_per_conversion()
    {
        var report = UpliftMeasurement.Measure(new GroupOutcome(1000, 40), new GroupOutcome(1000, 50), ThreeYen);
        Assert.Null(report.CostPerIncrementalConversion);
        Assert.True(report.AbsoluteUplift < 0);
    }

    [Fact]
    public void A_holdout_without_conversions_has_no_relative_uplift()
        => Assert.Null(UpliftMeasurement.Measure(new GroupOutcome(1000, 10), new GroupOutcome(100, 0)).RelativeUplift);

    [Fact]
    public void A_negative_price_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => UpliftMeasurement.Measure(Treatment, Holdout, new UpliftOptions { PricePerMessage = -1 }));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 11)]
    [InlineData(10, -1)]
    public void Impossible_counts_are_refused(long persons, long conversions)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new GroupOutcome(persons, conversions));

    [Fact]
    public void The_builder_gives_the_two_pass_mean_and_variance()
    {
        double[] revenues = [0, 0, 1200, 0, 350.5, 0, 0, 99.9, 1e6, 0];
        var builder = new GroupOutcomeBuilder();
        foreach (var revenue in revenues)
        {
            builder.Add(revenue > 0, revenue);
        }

        var outcome = builder.Build();
        var mean = revenues.Sum() / revenues.Length;
        var variance = revenues.Sum(r => (r - mean) * (r - mean)) / (revenues.Length - 1);
        Assert.Equal(10, outcome.Persons);
        Assert.Equal(4, outcome.Conversions);
        Assert.Equal(mean, outcome.RevenueMean, 1e-9);
        Assert.Equal(variance, outcome.RevenueVariance, variance * 1e-12);
    }

    [Fact]
    public void An_empty_builder_is_refused()
        => Assert.Throws<InvalidOperationException>(() => new GroupOutcomeBuilder().Build());
}
