using LineCrm.Campaigns.Rules;
using static LineCrm.Campaigns.Tests.Rules.Zones;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>Each cap alone, in Asia/Tokyo (the default account zone) and in UTC. 2026-12-03 is a Thursday.</summary>
public sealed class FrequencyCapTests
{
    private static readonly FrequencyCap TwoADay = new(2, CapPeriod.Day);
    private static readonly FrequencyCap FourAWeek = new(4, CapPeriod.Week);
    private static readonly DeliveryPolicy TokyoPolicy = new([TwoADay, FourAWeek]);
    private static readonly DeliveryPolicy UtcPolicy = new([TwoADay, FourAWeek], accountTimeZone: TimeZoneInfo.Utc);

    [Fact]
    public void The_account_zone_is_Tokyo_unless_told()
        => Assert.Equal("Asia/Tokyo", TokyoPolicy.AccountTimeZone.Id);

    [Fact]
    public void A_person_below_every_cap_is_sent_now()
    {
        var now = InTokyo(2026, 12, 3, 12, 0);
        var decision = DecideOne(TokyoPolicy, now, History(InTokyo(2026, 12, 3, 9, 0)));
        Assert.Equal(SendOutcome.Send, decision.Outcome);
        Assert.Equal(now, decision.SendAt);
        Assert.Null(decision.Cap);
    }

    [Fact]
    public void The_daily_cap_skips_the_third_message_of_a_Tokyo_day_naming_the_rule()
    {
        var decision = DecideOne(TokyoPolicy, InTokyo(2026, 12, 3, 20, 0), History(InTokyo(2026, 12, 3, 0, 5), InTokyo(2026, 12, 3, 12, 0)));
        Assert.Equal(SendOutcome.CappedByRule, decision.Outcome);
        Assert.Equal(TwoADay, decision.Cap);
        Assert.False(decision.IsSent);
        Assert.Equal("capped: at most 2 a day", decision.Reason);
    }

    [Fact]
    public void The_daily_cap_skips_the_third_message_of_a_UTC_day()
    {
        var decision = DecideOne(UtcPolicy, InUtc(2026, 12, 3, 23, 59), History(InUtc(2026, 12, 3, 0, 0), InUtc(2026, 12, 3, 1, 0)));
        Assert.Equal(SendOutcome.CappedByRule, decision.Outcome);
        Assert.Equal(TwoADay, decision.Cap);
    }

    [Fact]
    public void The_weekly_cap_skips_the_fifth_message_of_an_ISO_week_naming_the_rule()
    {
        // Monday 2026-11-30 to Wednesday: four messages, at most one a day, so only the weekly cap is full.
        var history = History(InTokyo(2026, 11, 30, 10, 0), InTokyo(2026, 12, 1, 10, 0), InTokyo(2026, 12, 2, 10, 0), InTokyo(2026, 12, 3, 0, 30));
        var decision = DecideOne(TokyoPolicy, InTokyo(2026, 12, 3, 12, 0), history);
        Assert.Equal(SendOutcome.CappedByRule, decision.Outcome);
        Assert.Equal(FourAWeek, decision.Cap);
        Assert.Equal("capped: at most 4 a week", decision.Reason);
    }

    [Fact]
    public void Messages_of_the_week_before_do_not_count()
    {
        // Sunday 2026-11-29 is the previous ISO week.
        var history = History(InTokyo(2026, 11, 29, 10, 0), InTokyo(2026, 11, 29, 11, 0), InTokyo(2026, 11, 30, 10, 0), InTokyo(2026, 12, 1, 10, 0), InTokyo(2026, 12, 2, 10, 0));
        Assert.Equal(SendOutcome.Send, DecideOne(TokyoPolicy, InTokyo(2026, 12, 3, 12, 0), history).Outcome);
    }

    [Fact]
    public void The_weekly_cap_holds_in_UTC_too()
    {
        var history = History(InUtc(2026, 11, 30, 0, 0), InUtc(2026, 12, 1, 0, 0), InUtc(2026, 12, 2, 0, 0), InUtc(2026, 12, 6, 23, 0));
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(UtcPolicy, InUtc(2026, 12, 6, 23, 59), history).Outcome);
        Assert.Equal(SendOutcome.Send, DecideOne(UtcPolicy, InUtc(2026, 12, 7, 0, 0), history).Outcome);
    }

    [Fact]
    public void Messages_of_every_campaign_count()
    {
        var history = new InMemoryDeliveryHistory();
        history.Add(new DeliveryRecord(Person, InTokyo(2026, 12, 3, 9, 0), new CampaignId("a")));
        history.Add(new DeliveryRecord(Person, InTokyo(2026, 12, 3, 10, 0), new CampaignId("b")));
        history.Add(new DeliveryRecord(new LineCrm.Identity.PersonId(7), InTokyo(2026, 12, 3, 10, 0), new CampaignId("b")));
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(TokyoPolicy, InTokyo(2026, 12, 3, 11, 0), history).Outcome);
    }

    [Fact]
    public void Without_caps_everyone_is_sent()
    {
        var history = History([.. Enumerable.Range(0, 10).Select(h => InTokyo(2026, 12, 3, h, 0))]);
        Assert.Equal(SendOutcome.Send, DecideOne(new DeliveryPolicy([]), InTokyo(2026, 12, 3, 12, 0), history).Outcome);
    }

    [Fact]
    public void A_time_asked_for_is_kept_and_one_already_past_means_now()
    {
        var now = InTokyo(2026, 12, 3, 12, 0);
        var rules = new DeliveryRules(TokyoPolicy, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
        var later = InTokyo(2026, 12, 3, 15, 0);
        var decisions = rules.Decide(Person, null, [new CampaignRequest(new CampaignId("later"), 1, later), new CampaignRequest(new CampaignId("past"), 0, now.AddHours(-3))], History());
        Assert.Equal([later, now], decisions.Select(d => d.SendAt));
    }
}
