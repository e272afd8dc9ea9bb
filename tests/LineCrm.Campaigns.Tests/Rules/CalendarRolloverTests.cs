using LineCrm.Campaigns.Rules;
using static LineCrm.Campaigns.Tests.Rules.Zones;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>
/// Days and weeks end at local midnight, not UTC's: the bug class of tools that count by UTC date. Tokyo is
/// UTC+9, so its Sunday 23:30 is Sunday 14:30 UTC, and its Monday 08:30 is still Sunday 23:30 UTC.
/// 2026-12-06 is a Sunday, 2026-12-07 a Monday.
/// </summary>
public sealed class CalendarRolloverTests
{
    private static readonly DeliveryPolicy OneADay = new([new FrequencyCap(1, CapPeriod.Day)]);
    private static readonly DeliveryPolicy OneADayUtc = new([new FrequencyCap(1, CapPeriod.Day)], accountTimeZone: TimeZoneInfo.Utc);
    private static readonly DeliveryPolicy TwoAWeek = new([new FrequencyCap(2, CapPeriod.Week)]);
    private static readonly DeliveryPolicy TwoAWeekUtc = new([new FrequencyCap(2, CapPeriod.Week)], accountTimeZone: TimeZoneInfo.Utc);

    [Fact]
    public void A_new_Tokyo_day_begins_at_Tokyo_midnight_though_UTC_says_the_same_day()
    {
        // Sent at 23:00 Tokyo (14:00 UTC); now 00:30 Tokyo the next day (15:30 UTC, the same UTC date).
        var history = History(InTokyo(2026, 12, 3, 23, 0));
        Assert.Equal(SendOutcome.Send, DecideOne(OneADay, InTokyo(2026, 12, 4, 0, 30), history).Outcome);
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(OneADayUtc, InTokyo(2026, 12, 4, 0, 30), history).Outcome);
    }

    [Fact]
    public void A_UTC_day_change_inside_one_Tokyo_day_is_no_new_day()
    {
        // 08:00 and 10:00 Tokyo are 23:00 and 01:00 UTC: two UTC dates, one Tokyo date.
        var history = History(InTokyo(2026, 12, 4, 8, 0));
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(OneADay, InTokyo(2026, 12, 4, 10, 0), history).Outcome);
        Assert.Equal(SendOutcome.Send, DecideOne(OneADayUtc, InTokyo(2026, 12, 4, 10, 0), history).Outcome);
    }

    [Fact]
    public void Sunday_23_30_in_Tokyo_is_still_the_old_week()
    {
        var history = History(InTokyo(2026, 11, 30, 12, 0), InTokyo(2026, 12, 2, 12, 0));
        var now = InTokyo(2026, 12, 6, 23, 30);
        Assert.Equal(InUtc(2026, 12, 6, 14, 30), now);
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(TwoAWeek, now, history).Outcome);
    }

    [Fact]
    public void Monday_08_30_in_Tokyo_is_a_new_week_though_UTC_says_Sunday_23_30()
    {
        var history = History(InTokyo(2026, 11, 30, 12, 0), InTokyo(2026, 12, 6, 23, 30));
        var now = InTokyo(2026, 12, 7, 8, 30);
        Assert.Equal(InUtc(2026, 12, 6, 23, 30), now);
        Assert.Equal(SendOutcome.Send, DecideOne(TwoAWeek, now, history).Outcome);
        // Counted by UTC, both messages and now are in the week of Monday 2026-11-30.
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(TwoAWeekUtc, now, history).Outcome);
    }

    [Fact]
    public void A_persons_own_zone_replaces_the_accounts()
    {
        // For a person in UTC, 23:00 and 00:30 Tokyo are 14:00 and 15:30 of one UTC day.
        var history = History(InTokyo(2026, 12, 3, 23, 0));
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(OneADay, InTokyo(2026, 12, 4, 0, 30), history, TimeZoneInfo.Utc).Outcome);
    }
}
