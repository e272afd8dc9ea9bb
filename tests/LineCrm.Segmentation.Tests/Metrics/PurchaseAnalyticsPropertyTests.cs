using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class PurchaseAnalyticsPropertyTests
{
    private static PurchaseReport Compute(List<Reference.Order> orders, TimeZoneInfo zone)
    {
        var builder = new OrderTableBuilder();
        foreach (var o in orders)
        {
            builder.Add(o.Person, o.At, o.Amount);
        }

        return PurchaseAnalytics.Compute(builder.Build(), zone);
    }

    [Property(MaxTest = 200)]
    public Property Customers_repeaters_and_first_purchases_match_the_reference() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var (orders, zone) = input;
            var report = Compute(orders, zone);
            var days = Reference.PurchaseDays(orders, zone);
            var firsts = report.FirstPurchasesByMonth.Where(m => m.Count > 0).ToDictionary(m => m.Month.ToString(), m => m.Count);
            return report.Customers == days.Count
                && report.RepeatCustomers == days.Values.Count(d => d.Count >= 2)
                && report.Orders == orders.Count
                && report.Revenue == orders.Sum(o => o.Amount)
                && firsts.OrderBy(x => x.Key).SequenceEqual(Reference.FirstPurchasesByMonth(days).OrderBy(x => x.Key));
        });

    [Property(MaxTest = 200)]
    public Property Interval_statistics_match_the_reference() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var (orders, zone) = input;
            var summary = Compute(orders, zone).InterPurchaseDays;
            var intervals = Reference.Intervals(Reference.PurchaseDays(orders, zone));
            if (intervals.Count == 0)
            {
                return summary.Count == 0 && summary.Median is null && summary.Mean is null;
            }

            var histogram = new long[13];
            intervals.ForEach(d => histogram[Math.Min(d / 30, 12)]++);
            return summary.Count == intervals.Count
                && summary.Median == Reference.NearestRank(intervals, 50)
                && summary.P25 == Reference.NearestRank(intervals, 25)
                && summary.P75 == Reference.NearestRank(intervals, 75)
                && Math.Abs(summary.Mean!.Value - intervals.Average()) < 1e-9
                && summary.Histogram30.SequenceEqual(histogram);
        });

    [Property(MaxTest = 200)]
    public Property Histogram_buckets_add_up_to_the_number_of_intervals() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var summary = Compute(input.Orders, input.Zone).InterPurchaseDays;
            return summary.Histogram30.Count == 13 && summary.Histogram30.Sum() == summary.Count;
        });

    [Property(MaxTest = 200)]
    public Property New_plus_repeat_revenue_is_total_revenue_and_matches_the_reference() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var (orders, zone) = input;
            var report = Compute(orders, zone);
            var reference = Reference.RevenueByMonth(orders, zone);
            return report.RevenueByMonth.All(m => m.New + m.Repeat == m.Total)
                && report.RevenueByMonth.Sum(m => m.Total) == report.Revenue
                && report.RevenueByMonth.Where(m => reference.ContainsKey(m.Month.ToString()))
                    .All(m => reference[m.Month.ToString()] == (m.Total, m.New))
                && report.RevenueByMonth.Where(m => !reference.ContainsKey(m.Month.ToString())).All(m => m.Total == 0 && m.New == 0);
        });

    [Property(MaxTest = 200)]
    public Property Cohort_grid_matches_the_reference() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var (orders, zone) = input;
            var report = Compute(orders, zone);
            var reference = Reference.Cohorts(Reference.PurchaseDays(orders, zone));
            return report.Cohorts.Count == reference.Count
                && report.Cohorts.All(row => reference.TryGetValue(row.Month.ToString(), out var cells)
                    && Enumerable.Range(0, row.ActiveByMonthsSince.Count).All(k => row.ActiveByMonthsSince[k] == cells.GetValueOrDefault(k))
                    && cells.Keys.All(k => k < row.ActiveByMonthsSince.Count));
        });

    [Property(MaxTest = 200)]
    public Property Rates_are_between_zero_and_one_and_shares_are_too_without_refunds() =>
        Prop.ForAll(Generators.OrdersInZone, input =>
        {
            var report = Compute(input.Orders, input.Zone);
            var noRefunds = Compute([.. input.Orders.Where(o => o.Amount >= 0)], input.Zone);
            return report.RepurchaseRate is null or (>= 0 and <= 1)
                && noRefunds.RevenueByMonth.All(m => m.NewShare is null or (>= 0 and <= 1));
        });

    [Property(MaxTest = 300)]
    public Property Local_days_agree_with_TimeZoneInfo_in_every_zone() =>
        Prop.ForAll(Gen.ListOf(Generators.Ticks).Select(l => l.ToArray()).ToArbitrary(), Gen.Elements(Generators.Zones).ToArbitrary(), (ticks, zone) =>
        {
            var calendar = LocalCalendar.ForValues(zone, ticks);
            return ticks.All(t => calendar.DayNumber(t) == Reference.LocalDate(new DateTimeOffset(t, TimeSpan.Zero), zone).DayNumber);
        });
}
