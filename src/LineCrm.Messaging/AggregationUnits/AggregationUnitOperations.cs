using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.AggregationUnits;

/// <summary>The aggregation unit operations: reads, safe to retry.</summary>
internal static class AggregationUnitOperations
{
    public static readonly LineOperationInfo Usage = new("getAggregationUnitUsage", HttpMethod.Get);
    public static readonly LineOperationInfo NameList = new("getAggregationUnitNameList", HttpMethod.Get);
}
