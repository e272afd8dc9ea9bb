using LineCrm.Campaigns.Rules;
using static LineCrm.Campaigns.Tests.Rules.Zones;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>
/// Quiet hours in America/New_York across its DST changes of 2026: on Sunday 2026-03-08 the clock jumps from
/// 02:00 EST (UTC-5) to 03:00 EDT (UTC-4); on Sunday 2026-11-01 it falls back from 02:00 EDT to 01:00 EST.
/// </summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void A_night_window_over_the_spring_change_ends_at_09_00_EDT_ten_hours_later()
    {
        var night = new QuietHours(new TimeOnly(21, 0), new TimeOnly(9, 0));
        // 22:00 EST on Saturday is 03:00 UTC; 09:00 EDT on Sunday is 13:00 UTC.
        Assert.Equal(InUtc(2026, 3, 8, 13, 0), night.NextAllowed(InUtc(2026, 3, 8, 3, 0), NewYork));
    }

    [Fact]
    public void A_window_ending_in_the_skipped_hour_ends_when_the_clock_jumps()
    {
        // 02:30 does not exist on 2026-03-08: the first instant the clock reads 02:30 or later is 03:00 EDT, 07:00 UTC.
        var window = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));
        var from = InUtc(2026, 3, 8, 6, 30); // 01:30 EST
        Assert.Equal(InUtc(2026, 3, 8, 7, 0), window.NextAllowed(from, NewYork));
    }

    [Fact]
    public void A_window_ending_in_the_repeated_hour_ends_at_its_first_reading_and_the_clock_decides_after()
    {
        var window = new QuietHours(new TimeOnly(0, 0), new TimeOnly(1, 30));
        // 00:30 EDT (04:30 UTC): the first 01:30 is EDT, 05:30 UTC.
        Assert.Equal(InUtc(2026, 11, 1, 5, 30), window.NextAllowed(InUtc(2026, 11, 1, 4, 30), NewYork));
        // 01:10 EST (06:10 UTC): the clock reads 01:10 again, quiet by the clock, until 01:30 EST, 06:30 UTC.
        Assert.Equal(InUtc(2026, 11, 1, 6, 30), window.NextAllowed(InUtc(2026, 11, 1, 6, 10), NewYork));
    }

    [Fact]
    public void Caps_count_the_23_hour_day_of_the_spring_change_as_one_day()
    {
        var policy = new DeliveryPolicy([new FrequencyCap(1, CapPeriod.Day)], accountTimeZone: NewYork);
        // 00:30 EST (05:30 UTC) and 23:30 EDT (2026-03-09 03:30 UTC) are the same local date.
        var history = History(InUtc(2026, 3, 8, 5, 30));
        Assert.Equal(SendOutcome.CappedByRule, DecideOne(policy, InUtc(2026, 3, 9, 3, 30), history).Outcome);
        Assert.Equal(SendOutcome.Send, DecideOne(policy, InUtc(2026, 3, 9, 4, 0), history).Outcome);
    }
}
