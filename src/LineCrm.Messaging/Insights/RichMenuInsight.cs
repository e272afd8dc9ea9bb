using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Insights;

/// <summary>A count and the users behind it.</summary>
/// <param name="Count">Times it happened.</param>
/// <param name="UniqueUsers">Users who did it.</param>
public sealed record RichMenuMetrics(long Count, long UniqueUsers);

/// <summary>A count and its users on one day.</summary>
/// <param name="Date">The day (JST), from LINE's <c>yyyyMMdd</c>.</param>
/// <param name="Count">Times it happened.</param>
/// <param name="UniqueUsers">Users who did it.</param>
public sealed record RichMenuDailyMetrics(
    [property: JsonConverter(typeof(LineDateConverter))] DateOnly Date, long Count, long UniqueUsers);

/// <summary>A tap area of a rich menu.</summary>
/// <param name="X">Left edge in pixels.</param>
/// <param name="Y">Top edge in pixels.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record RichMenuAreaBounds(int X, int Y, int Width, int Height);

/// <summary>Impressions and taps of a rich menu over a period (<c>getRichMenuInsightSummary</c>).</summary>
/// <param name="RichMenuId">The rich menu.</param>
public sealed record RichMenuInsightSummary(string RichMenuId)
{
    /// <summary>First day covered (JST).</summary>
    [JsonConverter(typeof(LineDateConverter))]
    public DateOnly? MetricsFrom { get; init; }

    /// <summary>Last day covered (JST).</summary>
    [JsonConverter(typeof(LineDateConverter))]
    public DateOnly? MetricsTo { get; init; }

    /// <summary>Impressions over the period.</summary>
    public RichMenuSummaryImpression? Impression { get; init; }

    /// <summary>Taps per area over the period.</summary>
    public IReadOnlyList<RichMenuSummaryClick>? Clicks { get; init; }
}

/// <summary>Impressions over a period.</summary>
/// <param name="Metrics">The totals.</param>
public sealed record RichMenuSummaryImpression(RichMenuMetrics Metrics);

/// <summary>Taps on one area over a period.</summary>
/// <param name="Bounds">The area.</param>
/// <param name="Metrics">The totals.</param>
public sealed record RichMenuSummaryClick(RichMenuAreaBounds Bounds, RichMenuMetrics Metrics);

/// <summary>Impressions and taps of a rich menu per day (<c>getRichMenuInsightDaily</c>).</summary>
/// <param name="RichMenuId">The rich menu.</param>
public sealed record RichMenuInsightDaily(string RichMenuId)
{
    /// <summary>First day covered (JST).</summary>
    [JsonConverter(typeof(LineDateConverter))]
    public DateOnly? MetricsFrom { get; init; }

    /// <summary>Last day covered (JST).</summary>
    [JsonConverter(typeof(LineDateConverter))]
    public DateOnly? MetricsTo { get; init; }

    /// <summary>Impressions per day.</summary>
    public RichMenuDailyImpression? Impression { get; init; }

    /// <summary>Taps per area per day.</summary>
    public IReadOnlyList<RichMenuDailyClick>? Clicks { get; init; }
}

/// <summary>Impressions per day.</summary>
/// <param name="Metrics">One entry per day.</param>
public sealed record RichMenuDailyImpression(IReadOnlyList<RichMenuDailyMetrics> Metrics);

/// <summary>Taps on one area per day.</summary>
/// <param name="Bounds">The area.</param>
/// <param name="Metrics">One entry per day.</param>
public sealed record RichMenuDailyClick(RichMenuAreaBounds Bounds, IReadOnlyList<RichMenuDailyMetrics> Metrics);
