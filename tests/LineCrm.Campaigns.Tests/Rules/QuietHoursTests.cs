using LineCrm.Campaigns.Rules;
using static LineCrm.Campaigns.Tests.Rules.Zones;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>Quiet hours defer, never drop; the deferred send is capped in the day and week it goes out in.</summary>
public sealed class QuietHoursTests
{
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(9, 0));

    [Theory]
    [InlineData(21, 0, 4, 9, 0)] // the first minute of the window: tomorrow 09:00
    [InlineData(23, 59, 4, 9, 0)] // before midnight: tomorrow 09:00
    [InlineData(0, 0, 3, 9, 0)] // after midnight: today 09:00
    [InlineData(8, 59, 3, 9, 0)]
    public void A_send_in_a_window_across_midnight_is_deferred_to_its_end(int hour, int minute, int day, int endHour, int endMinute)
    {
        var policy = new DeliveryPolicy([], Night);
        var decision = DecideOne(policy, InTokyo(2026, 12, 3, hour, minute), History());
        Assert.Equal(SendOutcome.Deferred, decision.Outcome);
        Assert.True(decision.IsSent);
        Assert.Equal(InTokyo(2026, 12, day, endHour, endMinute), decision.SendAt);
        Assert.Equal(InTokyo(2026, 12, 3, hour, minute), decision.RequestedAt);
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(20, 59)]
    public void A_send_outside_the_window_goes_now(int hour, int minute)
    {
        var decision = DecideOne(new DeliveryPolicy([], Night), InTokyo(2026, 12, 3, hour, minute), History());
        Assert.Equal(SendOutcome.Send, decision.Outcome);
    }

    [Fact]
    public void A_window_inside_one_day_defers_to_its_end_the_same_day()
    {
        var lunch = new DeliveryPolicy([], new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 30)));
        Assert.Equal(InTokyo(2026, 12, 3, 13, 30), DecideOne(lunch, InTokyo(2026, 12, 3, 12, 10), History()).SendAt);
        Assert.Equal(SendOutcome.Send, DecideOne(lunch, InTokyo(2026, 12, 3, 13, 30), History()).Outcome);
        Assert.Equal(SendOutcome.Send, DecideOne(lunch, InTokyo(2026, 12, 3, 11, 59), History()).Outcome);
    }

    [Fact]
    public void Quiet_hours_follow_the_UTC_clock_for_a_UTC_account()
    {
        var policy = new DeliveryPolicy([], Night, TimeZoneInfo.Utc);
        // 22:00 UTC is 07:00 Tokyo the next day: quiet by UTC's clock, deferred to 09:00 UTC.
        Assert.Equal(InUtc(2026, 12, 4, 9, 0), DecideOne(policy, InUtc(2026, 12, 3, 22, 0), History()).SendAt);
    }

    [Fact]
    public void A_send_deferred_past_midnight_counts_against_the_next_day()
    {
        // Today's one message is sent; at 22:00 the next is deferred to 09:00 tomorrow, a day with room.
        var policy = new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)], Night);
        var decision = DecideOne(policy, InTokyo(2026, 12, 3, 22, 0), History(InTokyo(2026, 12, 3, 10, 0)));
        Assert.Equal(SendOutcome.Deferred, decision.Outcome);
        Assert.Equal(InTokyo(2026, 12, 4, 9, 0), decision.SendAt);
    }

    [Fact]
    public void A_send_deferred_into_a_full_day_is_capped_there()
    {
        // Tomorrow already has a message planned at 09:30; the deferred send would be its second.
        var policy = new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)], Night);
        var decision = DecideOne(policy, InTokyo(2026, 12, 3, 22, 0), History(InTokyo(2026, 12, 4, 9, 30)));
        Assert.Equal(SendOutcome.CappedByRule, decision.Outcome);
        Assert.Equal(InTokyo(2026, 12, 4, 9, 0), decision.SendAt);
    }

    [Fact]
    public void A_send_deferred_past_Sunday_midnight_counts_against_the_next_week()
    {
        // The week of Monday 2026-11-30 is full; Sunday 22:00 Tokyo defers to Monday 09:00, a new week.
        var policy = new DeliveryPolicy([new FrequencyCap(2, CapPeriod.Week)], Night);
        var history = History(InTokyo(2026, 11, 30, 12, 0), InTokyo(2026, 12, 6, 12, 0));
        var decision = DecideOne(policy, InTokyo(2026, 12, 6, 22, 0), history);
        Assert.Equal(SendOutcome.Deferred, decision.Outcome);
        Assert.Equal(InTokyo(2026, 12, 7, 9, 0), decision.SendAt);
        // Without quiet hours the same send falls in the full week.
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(new DeliveryPolicy([new FrequencyCap(2, CapPeriod.Week)]), InTokyo(2026, 12, 6, 22, 0), history).Outcome);
    }

    [Fact]
    public void Equal_start_and_end_are_refused()
        => Assert.Throws<ArgumentException>(() => new QuietHours(new TimeOnly(9, 0), new TimeOnly(9, 0)));
}
