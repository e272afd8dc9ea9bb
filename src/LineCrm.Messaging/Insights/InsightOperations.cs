using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Insights;

/// <summary>The insight operations (<c>insight.yml</c>): all reads, all safe to retry.</summary>
internal static class InsightOperations
{
    public static readonly LineOperationInfo Demographics = new("getFriendsDemographics", HttpMethod.Get);
    public static readonly LineOperationInfo Deliveries = new("getNumberOfMessageDeliveries", HttpMethod.Get);
    public static readonly LineOperationInfo Followers = new("getNumberOfFollowers", HttpMethod.Get);
    public static readonly LineOperationInfo MessageEvent = new("getMessageEvent", HttpMethod.Get);
    public static readonly LineOperationInfo PerUnit = new("getStatisticsPerUnit", HttpMethod.Get);
    public static readonly LineOperationInfo RichMenuSummary = new("getRichMenuInsightSummary", HttpMethod.Get);
    public static readonly LineOperationInfo RichMenuDaily = new("getRichMenuInsightDaily", HttpMethod.Get);
}
