using LineCrm.Campaigns.Assignment;
using LineCrm.Campaigns.Planning;
using LineCrm.Campaigns.Rules;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Campaigns.Tests.Planning;

public sealed class CampaignPlannerTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(9));
    private static readonly CampaignId Spring = new("spring");
    private static readonly CampaignId Winter = new("winter");

    [Fact]
    public void Every_audience_member_is_counted_once_and_the_counts_match_a_reference_built_from_the_facts()
    {
        var members = Population(3_000);
        var control = new GlobalControlGroup(0.05, "s1");
        var everyone = Segment.Compile("purchases.size() >= 0").Evaluate(members, Now).Members;
        var recent = Segment.Compile("purchases.size() > 0").Evaluate(members, Now).Members;
        var winter = new PlannedCampaign(Assigner(control, Winter), everyone, Priority: 2);
        var spring = new PlannedCampaign(Assigner(control, Spring), recent, Priority: 1);

        var plan = Planner(OnePerDay(), new InMemoryDeliveryHistory()).Plan(members, [winter, spring]);

        // The reference reads each person's facts and asks the assignment classes directly; one message a day means
        // a person treated by both campaigns gets winter's (the higher priority) and spring records "capped by winter".
        var winterHoldout = new CampaignHoldout(Winter);
        var springHoldout = new CampaignHoldout(Spring);
        bool Reachable(PersonId p) => members.TryGetFacts(p, out var f) && f.LineUser is not null && f.FriendAddedAt is not null && !f.Blocked;
        bool Treated(PersonId p, CampaignHoldout holdout) => Reachable(p) && !control.Contains(p) && !holdout.Contains(p);
        var winterTreated = everyone.Where(p => Treated(p, winterHoldout)).ToHashSet();
        var springTreated = recent.Where(p => Treated(p, springHoldout)).ToList();

        var w = plan.Campaigns[0];
        Assert.Equal(new CampaignPlanCounts(Winter, everyone.Count, everyone.Count(p => !Reachable(p)), everyone.Count(p => Reachable(p) && control.Contains(p)),
            everyone.Count(p => Reachable(p) && !control.Contains(p) && winterHoldout.Contains(p)), 0, 0, winterTreated.Count, 0), w);
        var s = plan.Campaigns[1];
        var springCapped = springTreated.Count(winterTreated.Contains);
        Assert.Equal(new CampaignPlanCounts(Spring, recent.Count, recent.Count(p => !Reachable(p)), recent.Count(p => Reachable(p) && control.Contains(p)),
            recent.Count(p => Reachable(p) && !control.Contains(p) && springHoldout.Contains(p)), springCapped, springCapped, springTreated.Count - springCapped, 0), s);
        Assert.Equal(w.Audience, w.Unreachable + w.Control + w.Holdout + w.Capped + w.ToSend);
        Assert.Equal(winterTreated.Count + springTreated.Count - springCapped, plan.PaidMessages);
        Assert.True(springCapped > 100 && w.Unreachable > 100 && w.Control > 50, $"the population is too thin to tell: {w}, {s}");
        Assert.All(plan.Deliveries.Where(d => d.Campaign == Spring && !d.Decision.IsSent), d => Assert.Equal([Winter], d.Decision.CappedBy));
        Assert.Equal(w.Holdout + s.Holdout, plan.HeldOut.Count);
    }

    [Fact]
    public void A_message_already_delivered_today_caps_the_person_by_rule_and_planning_again_gives_the_same_plan()
    {
        var members = Population(200);
        var audience = Segment.Compile("purchases.size() >= 0").Evaluate(members, Now).Members;
        var history = new InMemoryDeliveryHistory();
        var first = audience.First(p => members.LineReachOf(p).IsReachable && new CampaignAssigner(null, new CampaignHoldout(Winter), new VariantSplit(Winter, [1.0])).Assign(p).IsMessaged);
        history.Add(new DeliveryRecord(first, Now.AddHours(-2), new CampaignId("yesterday-was-today")));
        var campaign = new PlannedCampaign(new CampaignAssigner(null, new CampaignHoldout(Winter), new VariantSplit(Winter, [0.5, 0.5])), audience, 1);
        var planner = Planner(OnePerDay(), history);

        var plan = planner.Plan(members, [campaign]);

        var delivery = Assert.Single(plan.Deliveries, d => d.Person == first);
        Assert.Equal(SendOutcome.CappedByRule, delivery.Decision.Outcome);
        Assert.Equal(members.LineReachOf(first).LineUser, delivery.LineUser);
        Assert.Equal(1, plan.Campaigns[0].Capped);
        Assert.Equal(plan.Deliveries, planner.Plan(members, [campaign]).Deliveries);
        Assert.Contains(plan.Deliveries, d => d.Variant == 1);
    }

    [Fact]
    public void A_plan_over_the_quota_is_refused_unless_allowed()
    {
        var verdict = new QuotaVerdict(PaidMessages: 1_200, Quota: 5_000, Used: 4_000);
        Assert.Equal((1_000L, true), (verdict.Remaining!.Value, verdict.Exceeds));
        var refused = Assert.Throws<InvalidOperationException>(() => verdict.ThrowIfExceeded());
        Assert.Contains("1,200", refused.Message, StringComparison.Ordinal);
        verdict.ThrowIfExceeded(allowOverQuota: true);

        var unlimited = new QuotaVerdict(1_000_000, Quota: null, Used: 9);
        Assert.False(unlimited.Exceeds);
        Assert.Null(unlimited.Remaining);
    }

    [Fact]
    public async Task The_quota_is_read_from_LINE_over_loopback_and_counts_what_was_sent_this_month()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var line = await FakeLineServer.StartAsync(cancellationToken: ct);
        var services = new ServiceCollection();
        services.AddLineMessaging(line.ConfigureClient);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LineMessagingClient>();
        await client.MulticastAsync(new MulticastRequest([StoreLine(1).Value, StoreLine(2).Value, StoreLine(3).Value], [new LineCrm.Messaging.Messages.TextMessage("hi")]), cancellationToken: ct);
        var members = Population(50);
        var plan = Planner(OnePerDay(), new InMemoryDeliveryHistory()).Plan(members,
            [new PlannedCampaign(Assigner(null, Winter), Segment.Compile("purchases.size() >= 0").Evaluate(members, Now).Members, 1)]);

        var verdict = await MessageQuotaCheck.FetchAsync(plan, client, ct);

        // The fake LINE server's quota is 10,000 a month, and it counts the three recipients of the multicast above.
        Assert.Equal(new QuotaVerdict(plan.PaidMessages, 10_000, 3), verdict);
        Assert.True(plan.PaidMessages > 0);
    }

    [Fact]
    public void Campaigns_planned_twice_or_over_another_table_are_refused_before_anything_is_decided()
    {
        var members = Population(20);
        var audience = Segment.Compile("purchases.size() >= 0").Evaluate(members, Now).Members;
        var planner = Planner(OnePerDay(), new InMemoryDeliveryHistory());
        var twice = Assert.Throws<ArgumentException>(() => planner.Plan(members,
            [new PlannedCampaign(Assigner(null, Winter), audience, 1), new PlannedCampaign(Assigner(null, Winter), audience, 2)]));
        Assert.Contains("'winter' is planned twice", twice.Message, StringComparison.Ordinal);

        var other = Population(20);
        var elsewhere = Assert.Throws<ArgumentException>(() => planner.Plan(other, [new PlannedCampaign(Assigner(null, Winter), audience, 1)]));
        Assert.Contains("another member table", elsewhere.Message, StringComparison.Ordinal);
    }

    private static CampaignPlanner Planner(DeliveryPolicy policy, IDeliveryHistory history)
    {
        var clock = new FakeTimeProvider(Now);
        return new CampaignPlanner(new DeliveryRules(policy, clock), history, clock);
    }

    private static DeliveryPolicy OnePerDay() => new([new FrequencyCap(1, CapPeriod.Day)], accountTimeZone: Tokyo);

    private static CampaignAssigner Assigner(GlobalControlGroup? control, CampaignId campaign) =>
        new(control, new CampaignHoldout(campaign), new VariantSplit(campaign, [1.0]));

    private static Identifier StoreLine(int i) => Identifier.LineUser($"U{i + 0x100:x32}");

    // Persons of every kind of reach: friends, friends who block the account, LINE users who never added it, and
    // web members without a LINE user id; two thirds of them have bought.
    private static MemberTable Population(int persons)
    {
        var members = new MemberTable();
        for (var i = 0; i < persons; i++)
        {
            var who = i % 6 == 5 ? Identifier.WebMember($"w{i}") : StoreLine(i);
            if (i % 6 is 0 or 1 or 2 or 3)
            {
                members.Append(new Interaction(who, Now.AddDays(-30 - (i % 20)), InteractionKind.FriendAdded));
            }

            if (i % 6 == 3)
            {
                members.Append(new Interaction(who, Now.AddDays(-3), InteractionKind.Blocked));
            }

            if (i % 6 == 4)
            {
                members.Append(new Interaction(who, Now.AddDays(-5), InteractionKind.Clicked));
            }

            if (i % 3 != 0)
            {
                members.Append(new Purchase($"o{i}", who, Now.AddDays(-(i % 90)), 1_000m, "JPY", PurchaseChannel.Web));
            }
        }

        return members;
    }
}
