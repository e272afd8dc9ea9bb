using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics.Store;

/// <summary>Value comparison of metric reports, whose records hold lists (compared by reference by the records themselves).</summary>
internal static class ReportComparison
{
    public static bool Same(PurchaseReport a, PurchaseReport b) =>
        a.Currency == b.Currency
        && a.Customers == b.Customers
        && a.Orders == b.Orders
        && a.Refunds == b.Refunds
        && a.Revenue == b.Revenue
        && a.RepeatCustomers == b.RepeatCustomers
        && a.FirstPurchasesByMonth.SequenceEqual(b.FirstPurchasesByMonth)
        && a.RevenueByMonth.SequenceEqual(b.RevenueByMonth)
        && Same(a.InterPurchaseDays, b.InterPurchaseDays)
        && a.Cohorts.Count == b.Cohorts.Count
        && a.Cohorts.Zip(b.Cohorts).All(p => p.First.Month == p.Second.Month && p.First.ActiveByMonthsSince.SequenceEqual(p.Second.ActiveByMonthsSince));

    public static bool Same(MembershipFunnelReport a, MembershipFunnelReport b) =>
        a.Breakdown == b.Breakdown && a.Total == b.Total && a.Groups.SequenceEqual(b.Groups);

    public static string Describe(PurchaseReport a, PurchaseReport b) =>
        $"expected {a.Currency} {a.Customers} customers, {a.Orders} orders, {a.Refunds} refunds, revenue {a.Revenue}, {a.RepeatCustomers} repeat; "
        + $"actual {b.Currency} {b.Customers}, {b.Orders}, {b.Refunds}, {b.Revenue}, {b.RepeatCustomers}";

    private static bool Same(IntervalSummary a, IntervalSummary b) =>
        a.Count == b.Count && a.Median == b.Median && a.P25 == b.P25 && a.P75 == b.P75 && a.Mean == b.Mean && a.Histogram30.SequenceEqual(b.Histogram30);
}
