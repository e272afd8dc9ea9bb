using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Samples.Analysis.Reports;

namespace LineCrm.Segmentation.Tests.AnalysisSample;

/// <summary>The report's axis ticks over random ranges: round steps, the data covered, 3 to 10 ticks.</summary>
public sealed class AxisTicksProperties
{
    private static readonly double[] NiceMultipliers = [1, 2, 2.5, 5];

    /// <summary>A value of up to four significant digits at a scale from 10^-3 to 10^9, either sign.</summary>
    private static Gen<double> Value() =>
        from digits in Gen.Choose(-9999, 9999)
        from exponent in Gen.Choose(-6, 6)
        select digits * Math.Pow(10, exponent);

    [Property(MaxTest = 1000)]
    public Property Ticks_are_round_cover_the_data_and_number_three_to_ten() =>
        Prop.ForAll(Value().ToArbitrary(), Value().ToArbitrary(), (a, b) =>
        {
            var (min, max) = (Math.Min(a, b), Math.Max(a, b));
            var ticks = AxisTicks.For(min, max);
            var values = ticks.Values;

            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(ticks.Step)));
            var isNiceStep = NiceMultipliers.Any(m => Math.Abs((ticks.Step / magnitude) - m) < 1e-9);
            var onSteps = values.All(v => Math.Abs((v / ticks.Step) - Math.Round(v / ticks.Step)) < 1e-6);
            var evenlySpaced = values.Zip(values.Skip(1), (x, y) => Math.Abs(y - x - ticks.Step) <= ticks.Step * 1e-9).All(ok => ok);
            var covers = values[0] <= min && values[^1] >= max;
            return (isNiceStep && onSteps && evenlySpaced && covers && values.Count is >= 3 and <= 10)
                .Label($"[{min}, {max}] -> step {ticks.Step}, ticks {string.Join(", ", values)}");
        });

    [Fact]
    public void Ticks_cover_an_end_that_division_rounds_onto_a_tick()
    {
        // Found by the property above in CI: -0.18000000000000002 / 0.02 is exactly -9 in doubles, and -9 * 0.02 is
        // -0.18, just inside the data.
        var ticks = AxisTicks.For(-0.18000000000000002, -0.08179);

        Assert.True(ticks.Values[0] <= -0.18000000000000002, $"first tick {ticks.Values[0]}");
        Assert.True(ticks.Values[^1] >= -0.08179, $"last tick {ticks.Values[^1]}");
    }

    [Fact]
    public void The_revenue_axis_of_the_issue_gets_round_ticks()
    {
        // The range that drew 22,383,900 and 29,845,200 as labels before: a fifth of it is 5.97 million, and the
        // first nice step at least that is 10 million.
        var ticks = AxisTicks.For(0, 29_845_200);

        Assert.Equal([0, 10_000_000, 20_000_000, 30_000_000], ticks.Values);
        Assert.Equal("20,000,000", ticks.Label(20_000_000));
    }

    [Fact]
    public void An_empty_range_still_has_an_axis_and_labels_keep_the_decimals_the_step_needs()
    {
        var zero = AxisTicks.For(0, 0);
        var small = AxisTicks.For(0, 0.9);

        Assert.True(zero.Values.Count >= 3 && zero.High > 0);
        Assert.Equal(0.2, small.Step, 12);
        Assert.Equal("0.4", small.Label(small.Values[2]));
        Assert.Equal("2.5", AxisTicks.For(0, 11).Label(2.5));
    }

    [Fact]
    public void A_range_that_is_not_finite_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisTicks.For(0, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisTicks.For(double.NaN, 1));
    }
}
