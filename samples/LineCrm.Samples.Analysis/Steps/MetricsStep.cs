using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>Step 6: the membership funnel (when there is LINE data) and the purchase analytics.</summary>
internal static class MetricsStep
{
    public const int ClickWindowDays = 30;

    public static (PurchaseReport Purchases, LineResult? Line) Compute(AnalysisInput input, OrderTable orders, FriendTable friends, TimeZoneInfo timeZone)
    {
        var purchases = PurchaseAnalytics.Compute(orders, timeZone);
        if (!input.HasLineData)
        {
            return (purchases, null);
        }

        var options = new MembershipFunnelOptions(timeZone);
        var asOf = new DateTimeOffset(Math.Max(input.AsOf.UtcTicks, friends.LatestEventUtcTicks), TimeSpan.Zero);
        return (purchases, new LineResult(
            MembershipFunnel.Compute(friends, orders, options, MembershipBreakdown.Store),
            MembershipFunnel.Compute(friends, orders, options, MembershipBreakdown.FriendAddedMonth),
            LineFriendActivity.Compute(friends, asOf, ClickWindowDays)));
    }
}
