using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>Fails the benchmark run unless LineCrm and DuckDB compute the same figures: a race between different answers means nothing.</summary>
internal static class MetricsAgreement
{
    public static void Check(MetricsData data, DuckDbMetrics duckDb, TimeZoneInfo timeZone)
    {
        var funnel = MembershipFunnel.Compute(data.Friends, data.Orders, new MembershipFunnelOptions(timeZone), MembershipBreakdown.Store);
        var sqlFunnel = duckDb.FunnelByStore();
        Require(funnel.Groups.Count == sqlFunnel.Count, "funnel groups");
        foreach (var (group, row) in funnel.Groups.Zip(sqlFunnel))
        {
            var c = group.Counts;
            Require(group.Key == row.Store && c.Friends == row.Friends && c.Linked == row.Linked && c.FirstPurchasers == row.First && c.Repurchasers == row.Again,
                $"funnel of {group.Key}: {c} versus {row}");
        }

        var report = PurchaseAnalytics.Compute(data.Orders, timeZone);
        var sql = duckDb.PurchaseAnalytics();
        var days = report.InterPurchaseDays;
        Require(report.Customers == sql.Customers && report.RepeatCustomers == sql.RepeatCustomers && report.Revenue == sql.Revenue, "customers, repeaters, revenue");
        Require(days.Count == sql.Intervals && days.Median == sql.Median && days.P25 == sql.P25 && days.P75 == sql.P75, "interval percentiles");
        Require(Math.Abs(days.Mean!.Value - sql.Mean) < 1e-6 && days.Histogram30.SequenceEqual(sql.Histogram30), "interval mean and histogram");
        Require(report.FirstPurchasesByMonth.Where(m => m.Count > 0).All(m => sql.FirstPurchasesByMonth[Index(m.Month)] == m.Count)
            && sql.FirstPurchasesByMonth.Count == report.FirstPurchasesByMonth.Count(m => m.Count > 0), "first purchases by month");
        Require(report.RevenueByMonth.Where(m => sql.RevenueByMonth.ContainsKey(Index(m.Month))).All(m => sql.RevenueByMonth[Index(m.Month)] == (m.Total, m.New)),
            "new and total revenue by month");
        Require(report.Cohorts.All(row => row.ActiveByMonthsSince.Select((n, k) => n == sql.Cohorts.GetValueOrDefault((Index(row.Month), k))).All(x => x)), "cohorts");
        Console.WriteLine($"// LineCrm and DuckDB agree: {report.Customers:N0} customers, {days.Count:N0} intervals, median {days.Median} days, "
            + $"{funnel.Groups.Count} stores.");
    }

    private static int Index(CalendarMonth month) => (month.Year * 12) + month.Month - 1;

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"LineCrm and DuckDB disagree on {what}.");
        }
    }
}
