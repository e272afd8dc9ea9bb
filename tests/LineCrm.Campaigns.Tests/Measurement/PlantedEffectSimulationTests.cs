using LineCrm.Campaigns.Measurement;

namespace LineCrm.Campaigns.Tests.Measurement;

/// <summary>
/// Simulated campaigns with a planted truth that only the simulation knows. Over 2,000 campaigns the 95% intervals
/// must cover the planted uplift in 93% to 97% of them, and with nothing planted exclude zero in 3% to 7%. The
/// draws are seeded, so each run sees the same campaigns and the test cannot flake; the bounds are still wide
/// enough that a correct interval would pass for almost any seed: the standard error of a share of 2,000 runs near
/// 95% is 0.49 points, so 95 +- 2 is four standard errors, and 5 +- 2 likewise.
/// </summary>
public sealed class PlantedEffectSimulationTests
{
    private const int Campaigns = 2000;
    private const int TreatmentPersons = 4000;
    private const int HoldoutPersons = 1000;
    private const double HoldoutRate = 0.05;
    private const double MeanOrderValue = 50;

    /// <summary>A group whose persons convert with the rate and then spend an exponential amount with the mean.</summary>
    private static GroupOutcome Simulate(Random random, int persons, double rate)
    {
        var builder = new GroupOutcomeBuilder();
        for (var i = 0; i < persons; i++)
        {
            var converted = random.NextDouble() < rate;
            builder.Add(converted, converted ? -MeanOrderValue * Math.Log(1 - random.NextDouble()) : 0);
        }

        return builder.Build();
    }

    private static IEnumerable<UpliftReport> Run(int seed, double treatmentRate)
    {
        var random = new Random(seed);
        for (var c = 0; c < Campaigns; c++)
        {
            yield return UpliftMeasurement.Measure(Simulate(random, TreatmentPersons, treatmentRate), Simulate(random, HoldoutPersons, HoldoutRate));
        }
    }

    [Fact]
    public void The_conversion_uplift_interval_covers_the_planted_uplift_in_93_to_97_percent_of_campaigns()
    {
        const double planted = 0.015;
        var covered = Run(19_01, HoldoutRate + planted).Count(r => r.AbsoluteUpliftInterval.Contains(planted)) / (double)Campaigns;
        Assert.InRange(covered, 0.93, 0.97);
    }

    [Fact]
    public void The_revenue_interval_covers_the_planted_revenue_uplift_in_93_to_97_percent_of_campaigns()
    {
        // Revenue per person is the rate times the mean order value, so the planted difference is 0.015 * 50.
        const double planted = 0.015 * MeanOrderValue;
        var covered = Run(19_02, HoldoutRate + 0.015).Count(r => r.RevenuePerPersonDifferenceInterval!.Value.Contains(planted)) / (double)Campaigns;
        Assert.InRange(covered, 0.93, 0.97);
    }

    [Fact]
    public void With_no_planted_effect_about_5_percent_of_campaigns_look_significant()
    {
        var reports = Run(19_03, HoldoutRate).ToList();
        var conversionPositives = reports.Count(r => r.AbsoluteUpliftInterval.ExcludesZero) / (double)Campaigns;
        var revenuePositives = reports.Count(r => r.RevenuePerPersonDifferenceInterval!.Value.ExcludesZero) / (double)Campaigns;
        Assert.InRange(conversionPositives, 0.03, 0.07);
        Assert.InRange(revenuePositives, 0.03, 0.07);
    }
}
