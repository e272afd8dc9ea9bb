using System.Text.Json.Serialization.Metadata;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>Friends' demographics: gender, age, area, OS and friendship length shares.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getFriendsDemographics")]
    public virtual Task<LineResponse<FriendsDemographics>> GetFriendsDemographicsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(InsightOperations.Demographics, "v2/bot/insight/demographic", LinePlatformJsonContext.Default.FriendsDemographics, cancellationToken);

    /// <summary>Messages delivered on a day (JST), by kind.</summary>
    /// <param name="day">The day; sent as <c>yyyyMMdd</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNumberOfMessageDeliveries")]
    public virtual Task<LineResponse<MessageDeliveryStatistics>> GetNumberOfMessageDeliveriesAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        GetAsync(InsightOperations.Deliveries, "v2/bot/insight/message/delivery" + Query(("date", LineDates.Format(day))),
            LinePlatformJsonContext.Default.MessageDeliveryStatistics, cancellationToken);

    /// <summary>Friends, targeted reaches and blocks on a day (JST).</summary>
    /// <param name="day">The day; sent as <c>yyyyMMdd</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNumberOfFollowers")]
    public virtual Task<LineResponse<FollowerStatistics>> GetNumberOfFollowersAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        GetAsync(InsightOperations.Followers, "v2/bot/insight/followers" + Query(("date", LineDates.Format(day))),
            LinePlatformJsonContext.Default.FollowerStatistics, cancellationToken);

    /// <summary>Impressions, clicks and media plays of a broadcast or narrowcast.</summary>
    /// <param name="requestId">The send's request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getMessageEvent")]
    public virtual Task<LineResponse<MessageEventStatistics>> GetMessageEventAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return GetAsync(InsightOperations.MessageEvent, "v2/bot/insight/message/event" + Query(("requestId", requestId)),
            LinePlatformJsonContext.Default.MessageEventStatistics, cancellationToken);
    }

    /// <summary>Interaction with the messages of one custom aggregation unit over a period (JST, at most 30 days).</summary>
    /// <param name="customAggregationUnit">The unit's name.</param>
    /// <param name="firstDay">First day.</param>
    /// <param name="lastDay">Last day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getStatisticsPerUnit")]
    public virtual Task<LineResponse<MessageEventStatistics>> GetStatisticsPerUnitAsync(
        string customAggregationUnit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customAggregationUnit);
        return GetForPeriodAsync(
            InsightOperations.PerUnit,
            "v2/bot/insight/message/event/aggregation",
            ("customAggregationUnit", customAggregationUnit),
            firstDay,
            lastDay,
            LinePlatformJsonContext.Default.MessageEventStatistics,
            cancellationToken);
    }

    /// <summary>Impressions and taps of a rich menu over a period (JST).</summary>
    /// <param name="richMenuId">The rich menu.</param>
    /// <param name="firstDay">First day.</param>
    /// <param name="lastDay">Last day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getRichMenuInsightSummary")]
    public virtual Task<LineResponse<RichMenuInsightSummary>> GetRichMenuInsightSummaryAsync(
        string richMenuId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return GetForPeriodAsync(
            InsightOperations.RichMenuSummary,
            $"v2/bot/insight/richmenu/{Escape(richMenuId)}/summary",
            null,
            firstDay,
            lastDay,
            LinePlatformJsonContext.Default.RichMenuInsightSummary,
            cancellationToken);
    }

    /// <summary>Impressions and taps of a rich menu per day (JST).</summary>
    /// <param name="richMenuId">The rich menu.</param>
    /// <param name="firstDay">First day.</param>
    /// <param name="lastDay">Last day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getRichMenuInsightDaily")]
    public virtual Task<LineResponse<RichMenuInsightDaily>> GetRichMenuInsightDailyAsync(
        string richMenuId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return GetForPeriodAsync(
            InsightOperations.RichMenuDaily,
            $"v2/bot/insight/richmenu/{Escape(richMenuId)}/daily",
            null,
            firstDay,
            lastDay,
            LinePlatformJsonContext.Default.RichMenuInsightDaily,
            cancellationToken);
    }

    /// <summary>A statistics query over the days <c>from</c>..<c>to</c> (LINE's <c>yyyyMMdd</c>), after one more parameter if any.</summary>
    private Task<LineResponse<T>> GetForPeriodAsync<T>(
        LineOperationInfo operation, string path, (string Name, string Value)? first, DateOnly firstDay, DateOnly lastDay,
        JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException($"to: the period must not end ({lastDay:yyyy-MM-dd}) before it starts ({firstDay:yyyy-MM-dd}).", nameof(lastDay));
        }

        (string, string) from = ("from", LineDates.Format(firstDay)), to = ("to", LineDates.Format(lastDay));
        return GetAsync(operation, path + (first is { } extra ? Query(extra, from, to) : Query(from, to)), info, cancellationToken);
    }
}
