using System.Globalization;
using LineCrm.Messaging.AggregationUnits;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>How many custom aggregation units (<c>customAggregationUnits</c> of pushes and multicasts) the channel used this month.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getAggregationUnitUsage")]
    public virtual Task<LineResponse<AggregationUnitUsage>> GetAggregationUnitUsageAsync(CancellationToken cancellationToken = default) =>
        GetAsync(AggregationUnitOperations.Usage, "v2/bot/message/aggregation/info",
            LinePlatformJsonContext.Default.AggregationUnitUsage, cancellationToken);

    /// <summary>One page of the aggregation unit names used this month. To read them all, use <see cref="GetAllAggregationUnitNamesAsync"/>.</summary>
    /// <param name="start">The continuation token from the previous page; null for the first page.</param>
    /// <param name="limit">Names per page (1 or more); LINE's default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="limit"/> is below 1; nothing was sent.</exception>
    [LineOperation("getAggregationUnitNameList")]
    public virtual Task<LineResponse<AggregationUnitNamePage>> GetAggregationUnitNameListAsync(
        string? start = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        LineLimits.Range(limit, "limit", 1, int.MaxValue);
        return GetAsync(AggregationUnitOperations.NameList,
            "v2/bot/message/aggregation/list" + Query(("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("start", start)),
            LinePlatformJsonContext.Default.AggregationUnitNamePage, cancellationToken);
    }

    /// <summary>Every aggregation unit name used this month, page after page.</summary>
    /// <param name="pageSize">Names per request; LINE's default when null.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<string> GetAllAggregationUnitNamesAsync(int? pageSize = null, CancellationToken cancellationToken = default)
    {
        LineLimits.Range(pageSize, "limit", 1, int.MaxValue);
        return PagesAsync(
            (start, ct) => GetAggregationUnitNameListAsync(start, pageSize, ct),
            page => page.CustomAggregationUnits, page => page.Next, cancellationToken);
    }
}
