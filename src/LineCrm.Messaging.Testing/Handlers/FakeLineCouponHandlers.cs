using System.Globalization;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Coupons: create (the body is checked against LINE's schema by the server; here the period must end after it
/// starts, 400 with details otherwise), list with status filters and paging (<c>limit</c> 1 to 100, default 20),
/// detail (404 for an unknown id) and close (410 when already closed).
/// </summary>
internal static class FakeLineCouponHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("createCoupon", Create);
        routes.HandleIfPresent("listCoupon", List);
        routes.HandleIfPresent("getCouponDetail", call => WithCoupon(call, Detail));
        routes.HandleIfPresent("closeCoupon", call => WithCoupon(call, coupon =>
        {
            lock (coupon)
            {
                if (coupon.Status == "CLOSED")
                {
                    return FakeLineReply.Error(410, "Gone", ("couponId", $"{coupon.Id} is already closed"));
                }

                coupon.Status = "CLOSED";
                return FakeLineReply.Ok();
            }
        }));
    }

    private static FakeLineReply Create(FakeLineCall call)
    {
        var settings = JsonNode.Parse(call.Body!.Value.GetRawText())!.AsObject();
        var start = (long)settings["startTimestamp"]!;
        var end = (long)settings["endTimestamp"]!;
        if (end <= start)
        {
            return FakeLineReply.Error(400, "Invalid period", ("endTimestamp", "must be after startTimestamp"));
        }

        var platform = call.Server.Platform;
        var id = "COUPON_" + platform.Next().ToString("D6", CultureInfo.InvariantCulture);
        platform.Coupons[id] = new FakeCoupon(id, settings, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return FakeLineReply.Ok(new JsonObject { ["couponId"] = id });
    }

    private static FakeLineReply List(FakeLineCall call)
    {
        if (FakeLinePaging.Limit(call, defaultLimit: 20, max: 100, out var limit) is { } badLimit)
        {
            return badLimit;
        }

        var statuses = call.Query["status"].Select(status => status!).ToHashSet(StringComparer.Ordinal);
        if (statuses.FirstOrDefault(status => status is not ("DRAFT" or "RUNNING" or "CLOSED")) is { } unknown)
        {
            return FakeLineReply.Error(400, "Invalid status", ("status", $"'{unknown}' is not DRAFT, RUNNING or CLOSED"));
        }

        var all = call.Server.Platform.Coupons.Values
            .Where(coupon => statuses.Count == 0 || statuses.Contains(coupon.Status))
            .OrderBy(coupon => coupon.Id, StringComparer.Ordinal)
            .ToArray();
        if (FakeLinePaging.Page(all, call.Query["start"].ToString(), limit, out var page, out var next) is { } badStart)
        {
            return badStart;
        }

        var items = new JsonArray([.. page.Select(coupon => (JsonNode)new JsonObject
        {
            ["couponId"] = coupon.Id,
            ["title"] = coupon.Settings["title"]?.DeepClone(),
        })]);
        return FakeLinePaging.Reply("items", items, next);
    }

    private static FakeLineReply Detail(FakeCoupon coupon)
    {
        var body = coupon.Settings.DeepClone().AsObject();
        body["couponId"] = coupon.Id;
        body["status"] = coupon.Status;
        body["createdTimestamp"] = coupon.Created;
        if (body["reward"]?["priceInfo"] is JsonObject price && price["type"]?.GetValue<string>() is "fixed" or "explicit")
        {
            price["currency"] = "JPY"; // LINE answers with the account's currency
        }

        return FakeLineReply.Ok(body);
    }

    private static FakeLineReply WithCoupon(FakeLineCall call, Func<FakeCoupon, FakeLineReply> answer)
    {
        var id = call.PathParameters["couponId"];
        return call.Server.Platform.Coupons.TryGetValue(id, out var coupon)
            ? answer(coupon)
            : FakeLineReply.Error(404, "Not found", ("couponId", $"no coupon {id}"));
    }
}
