using System.Globalization;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Memberships;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Memberships;

public sealed class MembershipTests
{
    private static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);

    private static FakeMembership Plan(long id, string title, decimal price, int members, string currency = "JPY")
    {
        var plan = new FakeMembership(id, title, price, currency);
        for (var i = 0; i < members; i++)
        {
            plan.Members[UserId(i)] = 1_707_214_784 + i;
        }

        return plan;
    }

    [Fact]
    public async Task Plans_are_listed_with_prices_currencies_and_limits()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Memberships[3189] = Plan(3189, "Basic Plan", 500.00m, members: 2);
        line.Server.Platform.Memberships[3213] = Plan(3213, "Premium Plan", 1500.50m, members: 0, currency: "KRW");
        line.Server.Platform.Memberships[3213].MemberLimit = 100;

        var plans = (await line.Client.GetMembershipListAsync(ct)).Value.Memberships;

        Assert.Equal([3189L, 3213L], plans.Select(p => p.MembershipId));
        Assert.Equal(500.00m, plans[0].Price);
        Assert.Equal(MembershipCurrency.Jpy, plans[0].Currency);
        Assert.Equal(2, plans[0].MemberCount);
        Assert.Null(plans[0].MemberLimit);
        Assert.Equal(100, plans[1].MemberLimit);
        Assert.Equal(1500.50m, plans[1].Price);
        Assert.Equal("KRW", plans[1].Currency.Value); // a currency the spec does not list is kept
        Assert.Equal(2, plans[0].Benefits.Count);
    }

    [Fact]
    public async Task A_users_subscription_reads_the_join_time_and_the_next_billing_day()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Memberships[3189] = Plan(3189, "Basic Plan", 500m, members: 3);

        var subscribed = (await line.Client.GetMembershipSubscriptionAsync(UserId(1), ct)).Value.Subscriptions;
        var none = (await line.Client.GetMembershipSubscriptionAsync(UserId(7), ct)).Value.Subscriptions;

        var subscription = Assert.Single(subscribed);
        Assert.Equal("Basic Plan", subscription.Membership.Title);
        Assert.Equal(2, subscription.User.MembershipNo);
        // 1707214785 is 2024-02-06T10:19:45Z, 19:19:45 in Japan: a month later is 2024-03-06.
        Assert.Equal(new DateTimeOffset(2024, 2, 6, 10, 19, 45, TimeSpan.Zero), subscription.User.JoinedTime);
        Assert.Equal(new DateOnly(2024, 3, 6), subscription.User.NextBillingDate);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Joined_users_are_followed_across_three_pages()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Memberships[3189] = Plan(3189, "Basic Plan", 500m, members: 11);

        var all = await line.Client.GetAllJoinedMembershipUserIdsAsync(3189, pageSize: 4, ct).ToListAsync(ct);
        var first = (await line.Client.GetJoinedMembershipUsersAsync(3189, cancellationToken: ct)).Value;

        Assert.Equal(Enumerable.Range(0, 11).Select(UserId), all);
        var requests = line.Server.RequestsOf("getJoinedMembershipUsers");
        Assert.Equal(4, requests.Count); // 4 + 4 + 3, then the single default page
        Assert.Equal("/v2/bot/membership/3189/users/ids?limit=4", requests[0].PathAndQuery);
        Assert.Equal("/v2/bot/membership/3189/users/ids?start=fake-page-8&limit=4", requests[2].PathAndQuery);
        Assert.Equal(11, first.UserIds.Count);
        Assert.Null(first.Next);
    }

    [Fact]
    public async Task Unknown_plans_no_plans_and_a_malformed_user_are_lines_404_and_400()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var noPlans = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMembershipListAsync(ct));
        var unknownPlan = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetJoinedMembershipUsersAsync(42, cancellationToken: ct));
        var badUser = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMembershipSubscriptionAsync("not-a-user", ct));

        Assert.Equal(404, (int)noPlans.StatusCode);
        Assert.Equal(404, (int)unknownPlan.StatusCode);
        Assert.Equal("membershipId", Assert.Single(unknownPlan.Details).Property);
        Assert.Equal(400, (int)badUser.StatusCode);
        Assert.Equal("userId", Assert.Single(badUser.Details).Property);
    }

    [Fact]
    public async Task Limits_are_checked_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var over = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.GetJoinedMembershipUsersAsync(1, limit: 1001, cancellationToken: ct));
        Assert.Throws<ArgumentException>(() => line.Client.GetAllJoinedMembershipUserIdsAsync(1, pageSize: 0, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.GetMembershipSubscriptionAsync("", ct));

        Assert.Contains("1000", over.Message, StringComparison.Ordinal);
        Assert.Contains("1001", over.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }
}
