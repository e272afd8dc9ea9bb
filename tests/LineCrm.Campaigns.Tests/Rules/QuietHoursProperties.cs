using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Campaigns.Rules;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>
/// Whatever the window, zone and instant (2026, whose DST changes New York has): the deferred time is outside the
/// window by the local clock, never earlier than asked, and the earliest such time: every minute between is quiet.
/// </summary>
public sealed class QuietHoursProperties
{
    private static readonly TimeZoneInfo[] TestZones = [Zones.Tokyo, Zones.NewYork, TimeZoneInfo.Utc];

    /// <summary>Minutes of 2026 from its start: half anywhere, half within two days of New York's DST changes.</summary>
    private static readonly Gen<int> Minutes = Gen.OneOf(
        Gen.Choose(0, 365 * 24 * 60),
        Gen.Elements(new DateTime(2026, 3, 8, 7, 0, 0), new DateTime(2026, 11, 1, 6, 0, 0))
            .SelectMany(change => Gen.Choose(-2 * 24 * 60, 2 * 24 * 60).Select(m => (int)(change - new DateTime(2026, 1, 1)).TotalMinutes + m)));

    private static readonly Gen<TimeOnly> QuarterHours = Gen.Choose(0, (24 * 4) - 1).Select(q => new TimeOnly(q / 4, q % 4 * 15));

    [Property(MaxTest = 300)]
    public Property The_next_allowed_time_is_the_first_one_outside_the_window() =>
        Prop.ForAll(
            QuarterHours.ToArbitrary(),
            QuarterHours.ToArbitrary(),
            Gen.Elements(TestZones).SelectMany(zone => Minutes.Select(minute => (zone, minute))).ToArbitrary(),
            (start, end, when) =>
            {
                var (zone, minuteOfYear) = when;
                if (start == end)
                {
                    return true.Label("equal start and end are refused elsewhere");
                }

                var window = new QuietHours(start, end);
                var asked = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minuteOfYear).AddSeconds(17);
                var allowed = window.NextAllowed(asked, zone);
                bool Quiet(DateTimeOffset t) => window.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime));

                var between = true;
                for (var t = asked; t < allowed; t = t.AddMinutes(1))
                {
                    between &= Quiet(t);
                }

                return (allowed >= asked).Label($"{allowed:O} is before {asked:O}")
                    .And((!Quiet(allowed)).Label($"{allowed:O} is quiet in {zone.Id} for {window}"))
                    .And(between.Label($"a minute between {asked:O} and {allowed:O} is not quiet ({window}, {zone.Id})"))
                    .And((allowed - asked < TimeSpan.FromHours(25)).Label("deferred by more than a day"));
            });
}
