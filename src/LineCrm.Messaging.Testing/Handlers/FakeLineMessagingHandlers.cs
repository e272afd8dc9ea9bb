using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The fake's behaviour for the messaging operations (send, quota, statistics, users, bot, chat, link token).
/// Other operations answer their documented success status until someone registers a handler for them.
/// </summary>
internal static class FakeLineMessagingHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes
            .Handle("replyMessage", Reply)
            .Handle("pushMessage", Push)
            .Handle("multicast", Multicast)
            .Handle("narrowcast", call => Accept(call, recipients: [], status: 202))
            .Handle("broadcast", call => Accept(call, recipients: [], status: 200))
            .Handle("getNarrowcastProgress", NarrowcastProgress)
            .Handle("getMessageQuota", _ => FakeLineReply.Ok(new JsonObject { ["type"] = "limited", ["value"] = 10_000 }))
            .Handle("getMessageQuotaConsumption", call => FakeLineReply.Ok(new JsonObject
            {
                ["totalUsage"] = call.Server.Deliveries.Sum(delivery => Math.Max(delivery.Recipients.Count, 1)),
            }))
            .Handle("getNumberOfSentReplyMessages", call => SentCount(call, "replyMessage"))
            .Handle("getNumberOfSentPushMessages", call => SentCount(call, "pushMessage"))
            .Handle("getNumberOfSentMulticastMessages", call => SentCount(call, "multicast"))
            .Handle("getNumberOfSentBroadcastMessages", call => SentCount(call, "broadcast"))
            .Handle("getProfile", Profile)
            .Handle("getFollowers", Followers)
            .Handle("getBotInfo", _ => FakeLineReply.Ok(new JsonObject
            {
                ["userId"] = "Ub0000000000000000000000000000001",
                ["basicId"] = "@linecrm",
                ["displayName"] = "LineCrm Fake",
                ["chatMode"] = "bot",
                ["markAsReadMode"] = "auto",
            }))
            .Handle("showLoadingAnimation", _ => new FakeLineReply(202, new JsonObject()))
            .Handle("markMessagesAsRead", _ => FakeLineReply.Ok())
            .Handle("markMessagesAsReadByToken", _ => FakeLineReply.Ok())
            .Handle("issueLinkToken", call => FakeLineReply.Ok(new JsonObject
            {
                ["linkToken"] = "link-" + call.PathParameters["userId"] + "-" + call.RequestId[^8..],
            }));
    }

    private static FakeLineReply Reply(FakeLineCall call)
    {
        var token = call.Body!.Value.GetProperty("replyToken").GetString()!;
        if (!call.Server.UsedReplyTokens.TryAdd(token, true))
        {
            return FakeLineReply.Error(400, "Invalid reply token");
        }

        return Accept(call, recipients: [], status: 200);
    }

    private static FakeLineReply Push(FakeLineCall call) =>
        Accept(call, [call.Body!.Value.GetProperty("to").GetString()!], status: 200);

    private static FakeLineReply Multicast(FakeLineCall call) =>
        Accept(call, [.. call.Body!.Value.GetProperty("to").EnumerateArray().Select(id => id.GetString()!)], status: 200);

    private static FakeLineReply Accept(FakeLineCall call, IReadOnlyList<string> recipients, int status)
    {
        var messages = call.Body!.Value.GetProperty("messages");
        call.Server.RecordDelivery(new FakeLineDelivery(call.OperationId, call.RequestId, call.RetryKey, recipients, messages.GetRawText()));
        if (call.OperationId is "replyMessage" or "pushMessage")
        {
            var sent = new JsonArray();
            var index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                var entry = new JsonObject { ["id"] = $"{call.RequestId[^12..]}{index++:D2}" };
                if (message.TryGetProperty("type", out var type) && type.GetString() is "text" or "textV2" or "sticker")
                {
                    entry["quoteToken"] = $"q{call.RequestId[^12..]}{index:D2}";
                }

                sent.Add((JsonNode)entry);
            }

            return new FakeLineReply(status, new JsonObject { ["sentMessages"] = sent });
        }

        return new FakeLineReply(status, new JsonObject());
    }

    private static FakeLineReply NarrowcastProgress(FakeLineCall call)
    {
        var requestId = call.Query["requestId"].ToString();
        var delivery = call.Server.Deliveries.FirstOrDefault(d => d.OperationId == "narrowcast" && d.RequestId == requestId);
        if (delivery is null)
        {
            return FakeLineReply.Error(404, "Not found", ("requestId", $"no narrowcast with request id {requestId}"));
        }

        return FakeLineReply.Ok(new JsonObject
        {
            ["phase"] = "succeeded",
            ["successCount"] = 3,
            ["failureCount"] = 0,
            ["targetCount"] = 3,
            ["acceptedTime"] = "2026-11-23T10:15:30.121Z",
            ["completedTime"] = "2026-11-23T10:16:00.000Z",
        });
    }

    private static FakeLineReply SentCount(FakeLineCall call, string operationId)
    {
        var date = call.Query["date"].ToString();
        if (!DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return FakeLineReply.Error(400, "Invalid date", ("date", $"'{date}' is not yyyyMMdd"));
        }

        var count = call.Server.Deliveries.Where(d => d.OperationId == operationId).Sum(d => Math.Max(d.Recipients.Count, 1));
        return FakeLineReply.Ok(new JsonObject { ["status"] = "ready", ["success"] = count });
    }

    private static FakeLineReply Profile(FakeLineCall call)
    {
        var userId = call.PathParameters["userId"];
        return call.Server.Users.TryGetValue(userId, out var name)
            ? FakeLineReply.Ok(new JsonObject { ["userId"] = userId, ["displayName"] = name, ["language"] = "ja" })
            : FakeLineReply.Error(404, "Not found");
    }

    private static FakeLineReply Followers(FakeLineCall call)
    {
        var limit = int.TryParse(call.Query["limit"].ToString(), CultureInfo.InvariantCulture, out var l) ? l : 300;
        if (limit is < 1 or > 1000)
        {
            return FakeLineReply.Error(400, "Invalid limit", ("limit", "must be between 1 and 1000"));
        }

        var start = int.TryParse(call.Query["start"].ToString(), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var all = call.Server.Users.Keys.Order(StringComparer.Ordinal).ToArray();
        var page = all.Skip(start).Take(limit).ToArray();
        var body = new JsonObject { ["userIds"] = new JsonArray([.. page.Select(id => (JsonNode)id)]) };
        if (start + page.Length < all.Length)
        {
            body["next"] = (start + page.Length).ToString(CultureInfo.InvariantCulture);
        }

        return FakeLineReply.Ok(body);
    }
}
