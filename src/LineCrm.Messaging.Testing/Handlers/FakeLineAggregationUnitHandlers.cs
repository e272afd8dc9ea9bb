using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>Aggregation units: this month's count and the names, paged (the fake caps <c>limit</c> at 100 and defaults to 100).</summary>
internal static class FakeLineAggregationUnitHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("getAggregationUnitUsage", call => FakeLineReply.Ok(new JsonObject
        {
            ["numOfCustomAggregationUnits"] = call.Server.Platform.AggregationUnits.Count,
        }));
        routes.HandleIfPresent("getAggregationUnitNameList", call =>
        {
            if (FakeLinePaging.Limit(call, defaultLimit: 100, max: 100, out var limit) is { } badLimit)
            {
                return badLimit;
            }

            var all = call.Server.Platform.AggregationUnits.Keys.Order(StringComparer.Ordinal).ToArray();
            if (FakeLinePaging.Page(all, call.Query["start"].ToString(), limit, out var page, out var next) is { } badStart)
            {
                return badStart;
            }

            return FakeLinePaging.Reply("customAggregationUnits", FakeLinePaging.Strings(page), next);
        });
    }
}
