using System.Globalization;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Membership plans: the list (404 when the account has none, as LINE answers), a user's subscriptions (400 for a
/// malformed user id) and the members of a plan, paged with <c>limit</c> 1 to 1,000 (default 300); 404 for an unknown plan.
/// </summary>
internal static class FakeLineMembershipHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("getMembershipList", call =>
        {
            var plans = call.Server.Platform.Memberships.Values.OrderBy(plan => plan.Id).ToArray();
            return plans.Length == 0
                ? FakeLineReply.Error(404, "Not found", ("memberships", "the account has no membership plans"))
                : FakeLineReply.Ok(new JsonObject { ["memberships"] = new JsonArray([.. plans.Select(Describe)]) });
        });
        routes.HandleIfPresent("getMembershipSubscription", Subscriptions);
        routes.HandleIfPresent("getJoinedMembershipUsers", JoinedUsers);
    }

    private static JsonObject Plan(FakeMembership plan) => new()
    {
        ["membershipId"] = plan.Id,
        ["title"] = plan.Title,
        ["description"] = "Members get " + plan.Title,
        ["benefits"] = new JsonArray("Members only messages", "Members only coupons"),
        ["price"] = plan.Price,
        ["currency"] = plan.Currency,
    };

    private static JsonNode Describe(FakeMembership plan)
    {
        var body = Plan(plan);
        body["memberCount"] = plan.Members.Count;
        body["memberLimit"] = plan.MemberLimit;
        body["isInAppPurchase"] = false;
        body["isPublished"] = true;
        return body;
    }

    private static FakeLineReply Subscriptions(FakeLineCall call)
    {
        var userId = call.PathParameters["userId"];
        if (userId.Length != 33 || userId[0] != 'U')
        {
            return FakeLineReply.Error(400, "Invalid user ID", ("userId", $"'{userId}' is not a user id"));
        }

        var subscriptions = new JsonArray();
        foreach (var plan in call.Server.Platform.Memberships.Values.OrderBy(plan => plan.Id))
        {
            if (plan.Members.TryGetValue(userId, out var joined))
            {
                // Billing falls a month after joining, counted in Japan time (UTC+9) as LINE does.
                var joinedDay = DateTimeOffset.FromUnixTimeSeconds(joined).ToOffset(TimeSpan.FromHours(9));
                subscriptions.Add((JsonNode)new JsonObject
                {
                    ["membership"] = Plan(plan),
                    ["user"] = new JsonObject
                    {
                        ["membershipNo"] = plan.Members.Keys.Order(StringComparer.Ordinal).ToList().IndexOf(userId) + 1,
                        ["joinedTime"] = joined,
                        ["nextBillingDate"] = joinedDay.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["totalSubscriptionMonths"] = 1,
                    },
                });
            }
        }

        return FakeLineReply.Ok(new JsonObject { ["subscriptions"] = subscriptions });
    }

    private static FakeLineReply JoinedUsers(FakeLineCall call)
    {
        if (!long.TryParse(call.PathParameters["membershipId"], CultureInfo.InvariantCulture, out var id)
            || !call.Server.Platform.Memberships.TryGetValue(id, out var plan))
        {
            return FakeLineReply.Error(404, "Not found", ("membershipId", $"no membership plan {call.PathParameters["membershipId"]}"));
        }

        if (FakeLinePaging.Limit(call, defaultLimit: 300, max: 1000, out var limit) is { } badLimit)
        {
            return badLimit;
        }

        var all = plan.Members.Keys.Order(StringComparer.Ordinal).ToArray();
        return FakeLinePaging.Page(all, call.Query["start"].ToString(), limit, out var page, out var next) is { } badStart
            ? badStart
            : FakeLinePaging.Reply("userIds", FakeLinePaging.Strings(page), next);
    }
}
