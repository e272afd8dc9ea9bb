namespace LineCrm.Messaging.AggregationUnits;

/// <summary>How many custom aggregation units the channel used this month (<c>getAggregationUnitUsage</c>).</summary>
/// <param name="NumOfCustomAggregationUnits">The number of unit names used.</param>
public sealed record AggregationUnitUsage(long NumOfCustomAggregationUnits);

/// <summary>One page of the aggregation unit names used this month (<c>getAggregationUnitNameList</c>).</summary>
/// <param name="CustomAggregationUnits">The unit names.</param>
/// <param name="Next">The continuation token for the next page; null on the last page.</param>
public sealed record AggregationUnitNamePage(IReadOnlyList<string> CustomAggregationUnits, string? Next = null);
