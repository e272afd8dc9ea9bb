using LineCrm.Segmentation.Metrics;
using static LineCrm.Segmentation.Tests.Metrics.Orders;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class PurchaseAnalyticsTests
{
    // Hand-computed (docs/metrics.md): A buys twice on Jan 5, on Jan 20, refunds in March and buys Mar 10;
    // B buys once in February; C buys Feb 1 and Jun 15; D only has a refund; person 4 has no orders at all.
    private static OrderTable Fixture() => new OrderTableBuilder()
        .Add(0, At("2026-01-05T09:00Z"), 100m)
        .Add(0, At("2026-01-05T18:00Z"), 50m)
        .Add(0, At("2026-01-20T12:00Z"), 30m)
        .Add(0, At("2026-03-01T12:00Z"), -20m)
        .Add(0, At("2026-03-10T12:00Z"), 70m)
        .Add(1, At("2026-02-14T12:00Z"), 200m)
        .Add(2, At("2026-06-15T12:00Z"), 40m) // out of time order on purpose
        .Add(2, At("2026-02-01T12:00Z"), 10m)
        .Add(3, At("2026-02-20T12:00Z"), -5m)
        .Build(personCount: 5);

    [Fact]
    public void Counts_customers_orders_refunds_and_net_revenue()
    {
        var report = PurchaseAnalytics.Compute(Fixture(), TimeZoneInfo.Utc);

        Assert.Equal(3, report.Customers); // D has only a refund, person 4 nothing
        Assert.Equal(9, report.Orders);
        Assert.Equal(2, report.Refunds);
        Assert.Equal(475m, report.Revenue);
        Assert.Equal(2, report.RepeatCustomers); // A (3 purchase days) and C (2)
        Assert.Equal(2.0 / 3.0, report.RepurchaseRate);
    }

    [Fact]
    public void First_purchases_are_counted_by_the_month_of_the_first_purchase_day()
    {
        var report = PurchaseAnalytics.Compute(Fixture(), TimeZoneInfo.Utc);

        Assert.Equal(
            [new MonthlyCount(new CalendarMonth(2026, 1), 1), new MonthlyCount(new CalendarMonth(2026, 2), 2)],
            report.FirstPurchasesByMonth);
    }

    [Fact]
    public void Intervals_are_between_distinct_purchase_days_with_nearest_rank_percentiles()
    {
        var days = PurchaseAnalytics.Compute(Fixture(), TimeZoneInfo.Utc).InterPurchaseDays;

        // A: Jan 5 -> Jan 20 = 15, Jan 20 -> Mar 10 = 49 (the refund day is not a purchase day); C: Feb 1 -> Jun 15 = 134.
        Assert.Equal(3, days.Count);
        Assert.Equal(15, days.P25); // rank ceil(0.75) = 1
        Assert.Equal(49, days.Median); // rank ceil(1.5) = 2
        Assert.Equal(134, days.P75); // rank ceil(2.25) = 3
        Assert.Equal(66.0, days.Mean);
        Assert.Equal([1L, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], days.Histogram30);
    }

    [Fact]
    public void Revenue_is_new_in_the_month_of_the_customers_first_purchase_and_refunds_count_where_they_happen()
    {
        var months = PurchaseAnalytics.Compute(Fixture(), TimeZoneInfo.Utc).RevenueByMonth;

        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], months.Select(m => m.Month.ToString()));
        Assert.Equal((180m, 180m, 0m), (months[0].Total, months[0].New, months[0].Repeat));
        Assert.Equal((205m, 210m, -5m), (months[1].Total, months[1].New, months[1].Repeat)); // D's refund is repeat revenue
        Assert.Equal((50m, 0m, 50m), (months[2].Total, months[2].New, months[2].Repeat)); // A's refund and purchase
        Assert.Equal((0m, 0m, 0m), (months[3].Total, months[3].New, months[3].Repeat));
        Assert.Equal((40m, 0m, 40m), (months[5].Total, months[5].New, months[5].Repeat));
        Assert.Equal(1.0, months[0].NewShare);
        Assert.Equal(210.0 / 205.0, months[1].NewShare!.Value, 12); // above 1: the month's refund is repeat revenue
        Assert.Null(months[3].NewShare);
    }

    [Fact]
    public void Cohort_rows_count_distinct_buyers_by_months_since_the_first_purchase_up_to_the_last_active_month()
    {
        var cohorts = PurchaseAnalytics.Compute(Fixture(), TimeZoneInfo.Utc).Cohorts;

        Assert.Equal(2, cohorts.Count);
        Assert.Equal(new CalendarMonth(2026, 1), cohorts[0].Month);
        Assert.Equal([1, 0, 1, 0, 0, 0], cohorts[0].ActiveByMonthsSince); // A: January, then March (Jan 5 and 20 are one month)
        Assert.Equal(new CalendarMonth(2026, 2), cohorts[1].Month);
        Assert.Equal([2, 0, 0, 0, 1], cohorts[1].ActiveByMonthsSince); // B and C; C again in June
        Assert.Equal(2, cohorts[1].Customers);
    }

    [Fact]
    public void Several_orders_on_one_day_make_one_purchase_day()
    {
        var report = PurchaseAnalytics.Compute(Table((0, "2026-05-01T01:00Z", 10m), (0, "2026-05-01T02:00Z", 10m), (0, "2026-05-01T23:59Z", 10m)), TimeZoneInfo.Utc);

        Assert.Equal(1, report.Customers);
        Assert.Equal(0, report.RepeatCustomers);
        Assert.Equal(0, report.InterPurchaseDays.Count);
        Assert.Null(report.InterPurchaseDays.Median);
        Assert.Equal(30m, report.Revenue);
    }

    [Fact]
    public void Days_are_calendar_days_in_the_given_time_zone_around_midnight()
    {
        // 14:00Z and 16:00Z on Jan 10 are 23:00 on Jan 10 and 01:00 on Jan 11 in Tokyo.
        var orders = Table((0, "2026-01-10T14:00Z", 10m), (0, "2026-01-10T16:00Z", 10m));

        var utc = PurchaseAnalytics.Compute(orders, TimeZoneInfo.Utc);
        var tokyo = PurchaseAnalytics.Compute(orders, Tokyo);

        Assert.Equal(0, utc.RepeatCustomers);
        Assert.Equal(1, tokyo.RepeatCustomers);
        Assert.Equal(1, tokyo.InterPurchaseDays.Median);
    }

    [Fact]
    public void Months_are_calendar_months_in_the_given_time_zone()
    {
        // 15:30Z on Jan 31 is 00:30 on Feb 1 in Tokyo.
        var orders = Table((0, "2026-01-31T15:30Z", 10m));

        Assert.Equal("2026-01", PurchaseAnalytics.Compute(orders, TimeZoneInfo.Utc).FirstPurchasesByMonth.Single().Month.ToString());
        Assert.Equal("2026-02", PurchaseAnalytics.Compute(orders, Tokyo).FirstPurchasesByMonth.Single().Month.ToString());
    }

    [Fact]
    public void Daylight_saving_days_keep_local_midnight_in_new_york()
    {
        // 2026-03-08 is the day New York moves from UTC-5 to UTC-4 at 02:00 local.
        var orders = Table((0, "2026-03-08T04:30Z", 10m), (0, "2026-03-08T05:30Z", 10m), (1, "2026-11-01T03:59Z", 5m), (1, "2026-11-01T04:01Z", 5m));

        var report = PurchaseAnalytics.Compute(orders, NewYork);

        // 04:30Z is 23:30 on Mar 7 and 05:30Z 00:30 on Mar 8; on Nov 1 (back to UTC-5 at 02:00 local)
        // 03:59Z is 23:59 on Oct 31 and 04:01Z 00:01 on Nov 1, all EDT.
        Assert.Equal(2, report.RepeatCustomers);
        Assert.Equal(2, report.InterPurchaseDays.Count);
        Assert.Equal([2L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], report.InterPurchaseDays.Histogram30);
        Assert.Equal(["2026-03", "2026-10"], report.FirstPurchasesByMonth.Where(m => m.Count > 0).Select(m => m.Month.ToString()));
    }

    [Fact]
    public void No_orders_give_an_empty_report_with_undefined_rates()
    {
        var report = PurchaseAnalytics.Compute(new OrderTableBuilder().Build(personCount: 10), TimeZoneInfo.Utc);

        Assert.Equal(0, report.Customers);
        Assert.Equal(0m, report.Revenue);
        Assert.Null(report.RepurchaseRate);
        Assert.Empty(report.FirstPurchasesByMonth);
        Assert.Equal(13, report.InterPurchaseDays.Histogram30.Count);
        Assert.Empty(report.Cohorts);
    }

    [Fact]
    public void Intervals_of_360_days_and_more_fall_in_the_last_bucket()
    {
        var orders = Table((0, "2025-01-01T12:00Z", 1m), (0, "2025-12-27T12:00Z", 1m), (0, "2026-12-31T12:00Z", 1m), (1, "2025-01-01T12:00Z", 1m), (1, "2025-12-26T12:00Z", 1m));

        var histogram = PurchaseAnalytics.Compute(orders, TimeZoneInfo.Utc).InterPurchaseDays.Histogram30;

        // 360 days and 369 days in the last bucket, 359 days in the one before.
        Assert.Equal(2, histogram[12]);
        Assert.Equal(1, histogram[11]);
    }
}
