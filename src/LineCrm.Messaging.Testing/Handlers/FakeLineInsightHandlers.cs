using System.Globalization;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The insight endpoints: yyyyMMdd dates checked as LINE does (400 with details), figures derived from the fake's
/// own state where it has them (deliveries, users), and 404 for a rich menu the fake does not know.
/// </summary>
internal static class FakeLineInsightHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("getNumberOfFollowers", call => WithDate(call, "date", _ => FakeLineReply.Ok(new JsonObject
        {
            ["status"] = "ready",
            ["followers"] = call.Server.Users.Count,
            ["targetedReaches"] = call.Server.Users.Count,
            ["blocks"] = 0,
        })));
        routes.HandleIfPresent("getNumberOfMessageDeliveries", call => WithDate(call, "date", _ => FakeLineReply.Ok(new JsonObject
        {
            ["status"] = "ready",
            ["apiPush"] = call.Server.Deliveries.Count(d => d.OperationId == "pushMessage"),
            ["apiMulticast"] = call.Server.Deliveries.Where(d => d.OperationId == "multicast").Sum(d => d.Recipients.Count),
            ["apiBroadcast"] = 0,
            ["apiReply"] = call.Server.Deliveries.Count(d => d.OperationId == "replyMessage"),
        })));
        routes.HandleIfPresent("getFriendsDemographics", _ => FakeLineReply.Ok(new JsonObject
        {
            ["available"] = true,
            ["genders"] = new JsonArray(Tile("gender", "female", 61.5), Tile("gender", "male", 38.5)),
            ["ages"] = new JsonArray(Tile("age", "from20to24", 40.0), Tile("age", "from90", 60.0)),
            ["appTypes"] = new JsonArray(Tile("appType", "ios", 70.0), Tile("appType", "android", 30.0)),
        }));
        routes.HandleIfPresent("getMessageEvent", call =>
        {
            var requestId = call.Query["requestId"].ToString();
            var delivery = call.Server.Deliveries.FirstOrDefault(d => d.RequestId == requestId);
            return delivery is null
                ? FakeLineReply.Error(404, "Not found", ("requestId", $"no send with request id {requestId}"))
                : FakeLineReply.Ok(new JsonObject
                {
                    ["overview"] = new JsonObject { ["requestId"] = requestId, ["delivered"] = Math.Max(1, delivery.Recipients.Count), ["uniqueImpression"] = 1 },
                    ["messages"] = new JsonArray(new JsonObject { ["seq"] = 1, ["impression"] = 3 }),
                    ["clicks"] = new JsonArray(),
                });
        });
        routes.HandleIfPresent("getRichMenuInsightSummary", call => RichMenu(call, daily: false));
        routes.HandleIfPresent("getRichMenuInsightDaily", call => RichMenu(call, daily: true));
    }

    private static JsonObject Tile(string key, string value, double percentage) => new() { [key] = value, ["percentage"] = percentage };

    private static FakeLineReply WithDate(FakeLineCall call, string name, Func<DateOnly, FakeLineReply> answer)
    {
        var text = call.Query[name].ToString();
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? answer(date)
            : FakeLineReply.Error(400, "Invalid date", (name, $"'{text}' is not yyyyMMdd"));
    }

    private static FakeLineReply RichMenu(FakeLineCall call, bool daily)
    {
        var id = call.PathParameters["richMenuId"];
        if (!call.Server.Platform.KnownRichMenuIds.Contains(id))
        {
            return FakeLineReply.Error(404, "Not found", ("richMenuId", $"no rich menu {id}"));
        }

        return WithDate(call, "from", from => WithDate(call, "to", to =>
        {
            var body = new JsonObject
            {
                ["richMenuId"] = id,
                ["metricsFrom"] = from.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["metricsTo"] = to.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            };
            var bounds = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = 1250, ["height"] = 843 };
            if (daily)
            {
                JsonArray Days() => new([.. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => (JsonNode)new JsonObject
                {
                    ["date"] = from.AddDays(i).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    ["count"] = 10 + i,
                    ["uniqueUsers"] = 5 + i,
                })]);
                body["impression"] = new JsonObject { ["metrics"] = Days() };
                body["clicks"] = new JsonArray(new JsonObject { ["bounds"] = bounds, ["metrics"] = Days() });
            }
            else
            {
                body["impression"] = new JsonObject { ["metrics"] = new JsonObject { ["count"] = 100, ["uniqueUsers"] = 40 } };
                body["clicks"] = new JsonArray(new JsonObject { ["bounds"] = bounds, ["metrics"] = new JsonObject { ["count"] = 12, ["uniqueUsers"] = 9 } });
            }

            return FakeLineReply.Ok(body);
        }));
    }
}
