using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Campaigns.Assignment;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Tests.Assignment;

/// <summary>
/// Over many persons, each assignment takes its share, and control, holdout and variant are independent: the
/// share of persons in two groups at once is the product of the two shares. FsCheck's draws are unseeded, so every
/// bound is 5 binomial standard deviations wide: a correct hash fails one case with probability about 6e-7.
/// </summary>
public sealed class AssignmentShareProperties
{
    private const int Persons = 20_000;

    private static readonly Gen<string> Keys =
        Gen.Choose(1, 12).SelectMany(length => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-_.".ToCharArray()), length))
            .Select(chars => new string(chars));

    /// <summary>Persons from a drawn start, so that the ids are not always the first ones.</summary>
    private static readonly Gen<long> Starts = Gen.Choose(1, 1_000_000_000).Select(n => (long)n);

    private static bool Within(long count, double probability, int trials, out string label)
    {
        var expected = trials * probability;
        var bound = 5 * Math.Sqrt(trials * probability * (1 - probability));
        label = $"{count} of {trials}, expected {expected:F1} +- {bound:F1}";
        return Math.Abs(count - expected) <= bound;
    }

    [Property(MaxTest = 40)]
    public Property The_control_group_takes_its_share() =>
        Prop.ForAll(Gen.Choose(1, 15).Select(p => p / 100.0).ToArbitrary(), Keys.ToArbitrary(), Starts.ToArbitrary(), (share, salt, start) =>
        {
            var group = new GlobalControlGroup(share, salt);
            var count = Enumerable.Range(0, Persons).LongCount(i => group.Contains(new PersonId(start + i)));
            return Within(count, share, Persons, out var label).Label(label);
        });

    [Property(MaxTest = 40)]
    public Property The_holdout_takes_its_share() =>
        Prop.ForAll(Gen.Choose(1, 50).Select(p => p / 100.0).ToArbitrary(), Keys.ToArbitrary(), Starts.ToArbitrary(), (share, campaign, start) =>
        {
            var holdout = new CampaignHoldout(new CampaignId(campaign), share);
            var count = Enumerable.Range(0, Persons).LongCount(i => holdout.Contains(new PersonId(start + i)));
            return Within(count, share, Persons, out var label).Label(label);
        });

    [Property(MaxTest = 40)]
    public Property Each_variant_takes_its_weight() =>
        Prop.ForAll(Gen.Choose(1, 99).ToArbitrary(), Keys.ToArbitrary(), Starts.ToArbitrary(), (firstPercent, campaign, start) =>
        {
            var first = firstPercent / 100.0;
            var split = new VariantSplit(new CampaignId(campaign), [first, 1 - first]);
            var count = Enumerable.Range(0, Persons).LongCount(i => split.VariantOf(new PersonId(start + i)) == 0);
            return Within(count, first, Persons, out var label).Label(label);
        });

    [Property(MaxTest = 30)]
    public Property Control_holdout_and_variant_are_independent() =>
        Prop.ForAll(Keys.ToArbitrary(), Keys.ToArbitrary(), Starts.ToArbitrary(), (salt, campaign, start) =>
        {
            // Large shares, so that each cell of the cross-tab has enough persons to show a dependence.
            var control = new GlobalControlGroup(0.15, salt);
            var holdout = new CampaignHoldout(new CampaignId(campaign), 0.5);
            var split = new VariantSplit(new CampaignId(campaign), [0.5, 0.5]);
            long controlAndHoldout = 0, holdoutAndA = 0, controlAndA = 0;
            for (var i = 0; i < Persons; i++)
            {
                var person = new PersonId(start + i);
                var (c, h, a) = (control.Contains(person), holdout.Contains(person), split.VariantOf(person) == 0);
                controlAndHoldout += c && h ? 1 : 0;
                holdoutAndA += h && a ? 1 : 0;
                controlAndA += c && a ? 1 : 0;
            }

            return (Within(controlAndHoldout, 0.15 * 0.5, Persons, out var ch).Label("control and holdout: " + ch))
                .And(Within(holdoutAndA, 0.5 * 0.5, Persons, out var ha).Label("holdout and variant A: " + ha))
                .And(Within(controlAndA, 0.15 * 0.5, Persons, out var ca).Label("control and variant A: " + ca));
        });

    [Fact]
    public void A_rerun_assigns_the_same_persons()
    {
        // Two instances, as two processes would make them: the assignment depends on the inputs alone.
        var first = new CampaignHoldout(new CampaignId("rerun"), 0.1);
        var second = new CampaignHoldout(new CampaignId("rerun"), 0.1);
        var persons = Enumerable.Range(1, 5_000).Select(i => new PersonId(i)).ToList();
        var held = persons.Where(first.Contains).ToList();
        Assert.NotEmpty(held);
        Assert.Equal(held, persons.Where(second.Contains));
    }
}
