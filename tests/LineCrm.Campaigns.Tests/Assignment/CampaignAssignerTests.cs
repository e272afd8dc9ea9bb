using LineCrm.Campaigns.Assignment;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Tests.Assignment;

public sealed class CampaignAssignerTests
{
    private static readonly CampaignId Campaign = new("spring-sale");

    [Fact]
    public void The_groups_follow_the_golden_points()
    {
        // From the shell (printf '%s' INPUT | sha256sum, as in StableHashGoldenTests): control:2026-a:P4 is 0.0111,
        // so P4 is in a 5% control group; control:2026-a:P14 is 0xa5acdea7... (0.65) and holdout:spring-sale:P14 is
        // 0.0812, so P14 is held out; P42 (control 0.73, holdout 0.23) is treated, with variant:spring-sale:P42 at
        // 0.1468, variant 0 of [0.2, 0.8].
        var control = new GlobalControlGroup(0.05, "2026-a");
        var assigner = new CampaignAssigner(control, new CampaignHoldout(Campaign), new VariantSplit(Campaign, [0.2, 0.8]));

        Assert.Equal(new PersonAssignment(AssignmentGroup.GlobalControl, -1), assigner.Assign(new PersonId(4)));
        Assert.Equal(AssignmentGroup.Holdout, assigner.Assign(new PersonId(14)).Group);
        Assert.Equal(new PersonAssignment(AssignmentGroup.Treatment, 0), assigner.Assign(new PersonId(42)));
        Assert.True(assigner.Assign(new PersonId(42)).IsMessaged);
        Assert.False(assigner.Assign(new PersonId(14)).IsMessaged);
    }

    [Fact]
    public void No_one_in_the_control_group_is_messaged_by_any_campaign()
    {
        var control = new GlobalControlGroup(0.1, "salt");
        var assigners = new[] { "a", "b", "c" }.Select(id => new CampaignId(id))
            .Select(id => new CampaignAssigner(control, new CampaignHoldout(id, 0), new VariantSplit(id, [1.0])))
            .ToList();
        var persons = Enumerable.Range(1, 5000).Select(i => new PersonId(i)).Where(control.Contains).ToList();

        Assert.NotEmpty(persons);
        Assert.All(persons, p => Assert.All(assigners, a => Assert.Equal(AssignmentGroup.GlobalControl, a.Assign(p).Group)));
    }

    [Fact]
    public void Without_a_control_group_everyone_is_held_out_or_treated()
    {
        var assigner = new CampaignAssigner(null, new CampaignHoldout(Campaign), new VariantSplit(Campaign, [1.0]));
        Assert.DoesNotContain(Enumerable.Range(1, 2000), i => assigner.Assign(new PersonId(i)).Group == AssignmentGroup.GlobalControl);
    }

    [Fact]
    public void A_holdout_and_split_of_two_campaigns_are_refused()
        => Assert.Throws<ArgumentException>("variants", () =>
            new CampaignAssigner(null, new CampaignHoldout(Campaign), new VariantSplit(new CampaignId("other"), [1.0])));
}
