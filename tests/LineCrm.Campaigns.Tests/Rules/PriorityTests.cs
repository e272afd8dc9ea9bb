using LineCrm.Campaigns.Rules;
using Microsoft.Extensions.Time.Testing;
using static LineCrm.Campaigns.Tests.Rules.Zones;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>When the caps leave room for fewer campaigns than want a person, the higher priorities take it.</summary>
public sealed class PriorityTests
{
    private static readonly DateTimeOffset Noon = InTokyo(2026, 12, 3, 12, 0);
    private static readonly CampaignId Low = new("low");
    private static readonly CampaignId High = new("high");

    private static IReadOnlyList<SendDecision> Decide(DeliveryPolicy policy, InMemoryDeliveryHistory history, params CampaignRequest[] requests)
        => new DeliveryRules(policy, new FakeTimeProvider(Noon)).Decide(Person, null, requests, history);

    [Fact]
    public void The_higher_priority_wins_and_the_other_records_capped_by_it()
    {
        var decisions = Decide(new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)]), History(), new CampaignRequest(Low, 1), new CampaignRequest(High, 5));

        Assert.Equal([High, Low], decisions.Select(d => d.Campaign));
        Assert.Equal(SendOutcome.Send, decisions[0].Outcome);
        Assert.Equal(SendOutcome.CappedByCampaign, decisions[1].Outcome);
        Assert.Equal([High], decisions[1].CappedBy);
        Assert.Equal("capped by campaign high: at most 1 a day", decisions[1].Reason);
    }

    [Fact]
    public void On_equal_priority_the_ordinally_smaller_campaign_id_wins()
    {
        var decisions = Decide(new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)]), History(),
            new CampaignRequest(new CampaignId("beta"), 3), new CampaignRequest(new CampaignId("Zeta"), 3), new CampaignRequest(new CampaignId("alpha"), 3));

        // Ordinal: 'Z' (0x5A) sorts before 'a' (0x61).
        Assert.Equal(["Zeta", "alpha", "beta"], decisions.Select(d => d.Campaign.Value));
        Assert.Equal([SendOutcome.Send, SendOutcome.CappedByCampaign, SendOutcome.CappedByCampaign], decisions.Select(d => d.Outcome));
    }

    [Fact]
    public void Room_left_by_the_history_goes_to_the_highest_priorities_and_the_rest_name_them_all()
    {
        // 3 a day, one sent already: two of the four campaigns fit.
        var decisions = Decide(new DeliveryPolicy([new FrequencyCap(3, CapPeriod.Day)]), History(InTokyo(2026, 12, 3, 9, 0)),
            new CampaignRequest(new CampaignId("c"), 1), new CampaignRequest(new CampaignId("a"), 9), new CampaignRequest(new CampaignId("d"), 0), new CampaignRequest(new CampaignId("b"), 5));

        Assert.Equal(["a", "b", "c", "d"], decisions.Select(d => d.Campaign.Value));
        Assert.Equal([true, true, false, false], decisions.Select(d => d.IsSent));
        Assert.All(decisions.Skip(2), d => Assert.Equal(["a", "b"], d.CappedBy.Select(c => c.Value)));
    }

    [Fact]
    public void A_history_that_fills_the_cap_caps_every_campaign_by_the_rule()
    {
        var decisions = Decide(new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)]), History(InTokyo(2026, 12, 3, 9, 0)), new CampaignRequest(Low, 1), new CampaignRequest(High, 5));
        Assert.All(decisions, d => Assert.Equal(SendOutcome.CappedByRule, d.Outcome));
        Assert.All(decisions, d => Assert.Empty(d.CappedBy));
    }

    [Fact]
    public void Campaigns_whose_sends_fall_in_different_days_do_not_compete()
    {
        var decisions = Decide(new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)]), History(),
            new CampaignRequest(High, 5, InTokyo(2026, 12, 4, 10, 0)), new CampaignRequest(Low, 1));
        Assert.All(decisions, d => Assert.Equal(SendOutcome.Send, d.Outcome));
    }

    [Fact]
    public void A_deferred_send_competes_in_the_day_it_goes_out_in()
    {
        // At 22:00 the high-priority campaign is deferred to 09:00 tomorrow, where the low one is scheduled at 10:00.
        var policy = new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)], new QuietHours(new TimeOnly(21, 0), new TimeOnly(9, 0)));
        var rules = new DeliveryRules(policy, new FakeTimeProvider(InTokyo(2026, 12, 3, 22, 0)));
        var decisions = rules.Decide(Person, null, [new CampaignRequest(Low, 1, InTokyo(2026, 12, 4, 10, 0)), new CampaignRequest(High, 5)], History());

        Assert.Equal(SendOutcome.Deferred, decisions[0].Outcome);
        Assert.Equal(SendOutcome.CappedByCampaign, decisions[1].Outcome);
        Assert.Equal([High], decisions[1].CappedBy);
    }

    [Fact]
    public void A_campaign_asking_twice_is_refused()
        => Assert.Throws<ArgumentException>("requests", () => Decide(new DeliveryPolicy([]), History(), new CampaignRequest(Low, 1), new CampaignRequest(Low, 2)));

    [Fact]
    public void No_campaign_decides_nothing()
        => Assert.Empty(Decide(new DeliveryPolicy([]), History()));

    [Fact]
    public void A_cap_below_one_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyCap(0, CapPeriod.Day));
}
