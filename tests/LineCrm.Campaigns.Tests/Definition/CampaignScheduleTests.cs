using LineCrm.Campaigns.Definition;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Segmentation.Members;

namespace LineCrm.Campaigns.Tests.Definition;

public sealed class CampaignScheduleTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeOnly Ten = new(10, 0);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Once_at_a_local_time_is_that_wall_clock_time_in_the_zone()
    {
        var schedule = CampaignSchedule.Once(new DateOnly(2026, 12, 5), Ten, Tokyo);

        Assert.Equal(new CampaignOccurrence("once", Utc(12, 5, 1)), schedule.OccurrenceAt(Utc(12, 1, 0)));
        Assert.Null(schedule.NextAfter(Utc(12, 5, 1)));
        Assert.False(schedule.IsRecurring);
    }

    [Fact]
    public void Now_is_the_moment_it_is_run_under_one_key_so_a_rerun_is_the_same_run()
    {
        Assert.Equal(new CampaignOccurrence("once", Utc(12, 4, 3)), CampaignSchedule.Now.OccurrenceAt(Utc(12, 4, 3)));
        Assert.Equal("once", CampaignSchedule.Now.OccurrenceAt(Utc(12, 9, 3)).Key);
    }

    [Fact]
    public void A_daily_run_is_keyed_by_the_local_date_which_in_tokyo_turns_nine_hours_before_utc()
    {
        var daily = CampaignSchedule.Daily(Ten, Tokyo);

        // 23:30 UTC on the 4th is 08:30 on the 5th in Tokyo: the 5th's run (01:00 UTC) has not come, the 4th's has.
        Assert.Equal(new CampaignOccurrence("2026-12-04", Utc(12, 4, 1)), daily.OccurrenceAt(Utc(12, 4, 23, 30)));
        Assert.Equal(new CampaignOccurrence("2026-12-05", Utc(12, 5, 1)), daily.OccurrenceAt(Utc(12, 5, 1)));
        Assert.Equal(new CampaignOccurrence("2026-12-05", Utc(12, 5, 1)), daily.OccurrenceAt(Utc(12, 5, 14, 59)));
        Assert.Equal(new CampaignOccurrence("2026-12-05", Utc(12, 5, 1)), daily.NextAfter(Utc(12, 4, 23, 30)));
    }

    [Fact]
    public void A_weekly_run_takes_the_weekday_in_the_zone_not_in_utc()
    {
        var mondays = CampaignSchedule.Weekly([DayOfWeek.Monday], Ten, Tokyo);

        // Sunday 20:00 UTC is Monday 05:00 in Tokyo: the last run was the Monday before, the next is this Monday 10:00.
        Assert.Equal(new CampaignOccurrence("2026-11-30", Utc(11, 30, 1)), mondays.OccurrenceAt(Utc(12, 6, 20)));
        Assert.Equal(new CampaignOccurrence("2026-12-07", Utc(12, 7, 1)), mondays.NextAfter(Utc(12, 6, 20)));
        // Before any run has come, the run due is the first.
        Assert.Equal("every Monday at 10:00 Asia/Tokyo", mondays.Description);
    }

    [Fact]
    public void A_local_time_the_zone_skips_sends_when_the_gap_ends_and_a_repeated_one_at_its_first_instant()
    {
        // New York skips 02:00-03:00 on 8 March 2026 and repeats 01:00-02:00 on 1 November 2026.
        var skipped = CampaignSchedule.Once(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);
        var repeated = CampaignSchedule.Once(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);

        Assert.Equal(Utc(3, 8, 7), skipped.OccurrenceAt(Utc(1, 1, 0)).At);
        Assert.Equal(Utc(11, 1, 5, 30), repeated.OccurrenceAt(Utc(1, 1, 0)).At);
        Assert.Equal(Utc(3, 9, 6, 30), CampaignSchedule.Daily(new TimeOnly(2, 30), NewYork).NextAfter(Utc(3, 8, 7))!.At);
    }

    [Fact]
    public void A_weekly_schedule_without_days_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CampaignSchedule.Weekly([], Ten, Tokyo));
        Assert.Throws<ArgumentException>(() => CampaignSchedule.Weekly([(DayOfWeek)9], Ten, Tokyo));
    }

    [Fact]
    public void The_planned_campaign_wants_to_send_at_its_due_run()
    {
        var members = new MemberTable();
        members.Append(new Interaction(Identifier.LineUser($"U{1:x32}"), Utc(11, 1, 0), InteractionKind.FriendAdded));
        var campaign = new Campaign(new CampaignId("news"), "!blocked", [new CampaignVariant("A", 1, [new TextMessage("今週のおすすめ")])], "kind == \"clicked\"",
            new CampaignSettings { Schedule = CampaignSchedule.Weekly([DayOfWeek.Friday], Ten, Tokyo) });

        var planned = campaign.ToPlanned(members, Utc(12, 4, 3), null, TestContext.Current.CancellationToken);

        Assert.Equal(Utc(12, 4, 1), planned.SendAt);
    }
}
