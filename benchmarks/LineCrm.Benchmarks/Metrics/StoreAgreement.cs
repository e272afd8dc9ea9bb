using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>Fails the run unless the metrics over the fact store equal those over the tables built directly: a race between different answers means nothing.</summary>
internal static class StoreAgreement
{
    public static void Check(MetricsData data, FriendTable storeFriends, OrderTable storeOrders, TimeZoneInfo timeZone)
    {
        var options = new MembershipFunnelOptions(timeZone);
        var funnel = MembershipFunnel.Compute(data.Friends, data.Orders, options, MembershipBreakdown.Store);
        var storeFunnel = MembershipFunnel.Compute(storeFriends, storeOrders, options, MembershipBreakdown.Store);
        Require(funnel.Total == storeFunnel.Total && funnel.Groups.SequenceEqual(storeFunnel.Groups), $"funnel: {funnel.Total} versus {storeFunnel.Total}");

        var report = PurchaseAnalytics.Compute(data.Orders, timeZone);
        var storeReport = PurchaseAnalytics.Compute(storeOrders, timeZone);
        Require(report.Customers == storeReport.Customers && report.Orders == storeReport.Orders && report.Revenue == storeReport.Revenue
            && report.RepeatCustomers == storeReport.RepeatCustomers && report.RevenueByMonth.SequenceEqual(storeReport.RevenueByMonth)
            && report.InterPurchaseDays.Median == storeReport.InterPurchaseDays.Median
            && report.InterPurchaseDays.Histogram30.SequenceEqual(storeReport.InterPurchaseDays.Histogram30),
            $"analytics: {report.Customers} customers, revenue {report.Revenue} versus {storeReport.Customers}, {storeReport.Revenue}");
        Console.WriteLine($"// The store and the tables built directly agree: {report.Customers:N0} customers, revenue {report.Revenue:N0}, "
            + $"{funnel.Total.Linked:N0} linked friends.");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The fact store and the tables built directly disagree on {what}.");
        }
    }
}
