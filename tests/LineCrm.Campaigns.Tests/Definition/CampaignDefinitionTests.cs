using LineCrm.Campaigns.Assignment;
using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Planning;
using LineCrm.Campaigns.Rules;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Campaigns.Tests.Definition;

public sealed class CampaignDefinitionTests
{
    private const string Lapsed = "purchases.size() > 0 && lastPurchaseAt < now - days(180)";
    private const string Bought = "kind == \"purchased\"";
    private static readonly CampaignId Winback = new("winback");
    private static readonly Message[] Hello = [new TextMessage("We miss you: 10% off this week.")];

    private static CampaignVariant Variant(string name, double weight, params Message[] messages) => new(name, weight, messages);

    [Fact]
    public void A_campaign_with_an_unknown_segment_field_fails_at_definition_naming_the_campaign_and_the_field()
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(Winback, "loyaltyPoints > 100", [Variant("A", 1, Hello)], Bought));

        Assert.Equal("segment", error.ParamName);
        Assert.Contains("'winback'", error.Message, StringComparison.Ordinal);
        Assert.Contains("loyaltyPoints", error.Message, StringComparison.Ordinal);
        Assert.IsType<CelCheckException>(error.InnerException);
    }

    [Fact]
    public void A_conversion_goal_that_is_not_cel_fails_at_definition()
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 1, Hello)], "kind == "));
        Assert.Equal("conversion", error.ParamName);
        Assert.IsType<CelSyntaxException>(error.InnerException);
    }

    [Theory]
    [InlineData("purchases.exists(p, p.amount > 0.0)", "purchases")]
    [InlineData("kind == \"purchased\" && price > 3000.0", "price")]
    [InlineData("kind", "bool")]
    public void A_conversion_goal_must_be_a_condition_on_one_event_and_says_what_it_got_wrong(string goal, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 1, Hello)], goal));
        Assert.Equal("conversion", error.ParamName);
        Assert.Contains("conversion goal", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.IsType<CelCheckException>(error.InnerException);
    }

    [Fact]
    public void The_conversion_goal_decides_on_one_event()
    {
        var campaign = new Campaign(Winback, Lapsed, [Variant("A", 1, Hello)], "kind == \"purchased\" && amount >= 3000.0");
        var who = Identifier.LineUser($"U{1:x32}");
        var at = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

        Assert.True(campaign.Conversion.Matches(new LineCrm.Segmentation.Metrics.FunnelEvent(who, "purchased", at) { Amount = 3000m }));
        Assert.False(campaign.Conversion.Matches(new LineCrm.Segmentation.Metrics.FunnelEvent(who, "purchased", at) { Amount = 2999m }));
        Assert.False(campaign.Conversion.Matches(new LineCrm.Segmentation.Metrics.FunnelEvent(who, "clicked", at)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(91.0)]
    public void A_conversion_window_not_above_zero_or_over_90_days_is_refused(double days)
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 1, Hello)], Bought,
            new CampaignSettings { ConversionWindow = TimeSpan.FromDays(days) }));
        Assert.Contains("at most 90 days", error.Message, StringComparison.Ordinal);
        Assert.Equal("settings", error.ParamName);
    }

    [Fact]
    public void Variant_weights_that_do_not_sum_to_one_are_refused_naming_the_weights()
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 0.5, Hello), Variant("B", 0.4, Hello)], Bought));
        Assert.Equal("variants", error.ParamName);
        Assert.Contains("not 100%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_without_a_message_is_refused()
    {
        Assert.Contains("has no message", Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [], Bought)).Message, StringComparison.Ordinal);
        Assert.Contains("has 0 messages", Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 1)], Bought)).Message, StringComparison.Ordinal);
        var six = Enumerable.Repeat<Message>(new TextMessage("x"), 6).ToArray();
        Assert.Contains("has 6 messages", Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 1, six)], Bought)).Message, StringComparison.Ordinal);
        Assert.Contains("two variants are named 'A'", Assert.Throws<ArgumentException>(() =>
            new Campaign(Winback, Lapsed, [Variant("A", 0.5, Hello), Variant("A", 0.5, Hello)], Bought)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_holdout_share_out_of_range_is_refused_as_a_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(Winback, Lapsed, [Variant("A", 1, Hello)], Bought, new CampaignSettings { HoldoutShare = 0.8 }));
        Assert.Equal("settings", error.ParamName);
    }

    [Fact]
    public void A_custom_fact_is_usable_once_the_schema_declares_it()
    {
        var schema = FactSchema.Default.WithScalar("loyaltyPoints", FactType.Int);
        var campaign = new Campaign(Winback, "loyaltyPoints > 100", [Variant("A", 1, Hello)], Bought, schema: schema);
        Assert.Equal(Winback, campaign.Id);
    }

    [Fact]
    public void A_defined_campaign_plans_over_the_store_with_its_holdout_and_variants()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(9));
        var members = new MemberTable();
        for (var i = 0; i < 400; i++)
        {
            var who = Identifier.LineUser($"U{i + 0x100:x32}");
            members.Append(new Interaction(who, now.AddDays(-400), InteractionKind.FriendAdded));
            members.Append(new Purchase($"o{i}", who, now.AddDays(-200 - (i % 30)), 2_000m, "JPY", PurchaseChannel.Store));
        }

        var campaign = new Campaign(Winback, Lapsed, [Variant("A", 0.5, Hello), Variant("B", 0.5, new TextMessage("Free shipping for you."))], Bought,
            new CampaignSettings { Priority = 3, HoldoutShare = 0.2 });
        var clock = new FakeTimeProvider(now);
        var planner = new CampaignPlanner(new DeliveryRules(new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)]), clock), new InMemoryDeliveryHistory(), clock);

        var plan = planner.Plan(members, [campaign.ToPlanned(members, now, new GlobalControlGroup(0.05, "s"), TestContext.Current.CancellationToken)]);

        var counts = plan.Campaigns[0];
        var holdout = members.Persons.Count(p => !new GlobalControlGroup(0.05, "s").Contains(p) && campaign.Holdout.Contains(p));
        Assert.Equal((400, holdout), (counts.Audience, counts.Holdout));
        Assert.Equal(400 - counts.Control - holdout, counts.ToSend);
        Assert.Equal([0, 1], plan.Deliveries.Select(d => d.Variant).Distinct().Order());
        Assert.All(plan.Deliveries, d => Assert.Equal(campaign.Split.VariantOf(d.Person), d.Variant));
    }
}
