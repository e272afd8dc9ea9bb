using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Metrics;
using static LineCrm.Segmentation.Tests.Metrics.Orders;

namespace LineCrm.Segmentation.Tests.Metrics;

public sealed class MembershipFunnelTests
{
    // 0: friend in January at shibuya, linked, buys Jan 15 and Feb 1 (repurchaser).
    // 1: friend in January at shibuya, linked, buys once (first purchaser).
    // 2: friend in February at umeda, never linked, buys anyway (stops at friends).
    // 3: friend in February at umeda, linked, never buys.
    // 4: never a friend, linked and buying (not in the funnel at all).
    // 5: friend in February with no store, linked, two orders on one day (first purchaser only).
    private static (FriendTable Friends, OrderTable Orders) Fixture()
    {
        var friends = new FriendTableBuilder()
            .AddFriend(0, At("2026-01-10T10:00Z"), "c1", "shibuya").AddLink(0, At("2026-01-12T10:00Z"))
            .AddFriend(1, At("2026-01-20T10:00Z"), "c2", "shibuya").AddLink(1, At("2026-01-21T10:00Z"))
            .AddFriend(2, At("2026-02-03T10:00Z"), "c1", "umeda")
            .AddFriend(3, At("2026-02-10T10:00Z"), "c1", "umeda").AddLink(3, At("2026-02-11T10:00Z"))
            .AddLink(4, At("2026-01-01T10:00Z"))
            .AddFriend(5, At("2026-02-15T10:00Z")).AddLink(5, At("2026-02-15T11:00Z"))
            .Build();
        var orders = new OrderTableBuilder()
            .Add(0, At("2026-01-15T10:00Z"), 10m, channel: "store")
            .Add(0, At("2026-02-01T10:00Z"), 10m, channel: "web")
            .Add(1, At("2026-01-25T10:00Z"), 10m, channel: "web")
            .Add(2, At("2026-02-05T10:00Z"), 10m, channel: "web")
            .Add(4, At("2026-01-05T10:00Z"), 10m, channel: "web")
            .Add(4, At("2026-01-06T10:00Z"), 10m, channel: "web")
            .Add(5, At("2026-02-20T10:00Z"), 10m, channel: "store")
            .Add(5, At("2026-02-20T11:00Z"), 10m, channel: "store")
            .Build();
        return (friends, orders);
    }

    [Fact]
    public void Counts_each_step_and_its_rate()
    {
        var (friends, orders) = Fixture();

        var total = MembershipFunnel.Compute(friends, orders, new MembershipFunnelOptions(TimeZoneInfo.Utc)).Total;

        Assert.Equal(new MembershipFunnelCounts(5, 4, 3, 1), total);
        Assert.Equal(0.8, total.BindingRate);
        Assert.Equal(0.75, total.FirstPurchaseRate);
        Assert.Equal(1.0 / 3.0, total.RepurchaseRate);
    }

    [Fact]
    public void Breaks_down_by_recruiting_store_with_no_store_last()
    {
        var (friends, orders) = Fixture();

        var groups = MembershipFunnel.Compute(friends, orders, new MembershipFunnelOptions(TimeZoneInfo.Utc), MembershipBreakdown.Store).Groups;

        Assert.Equal(
            [
                new MembershipFunnelGroup("shibuya", new MembershipFunnelCounts(2, 2, 2, 1)),
                new MembershipFunnelGroup("umeda", new MembershipFunnelCounts(2, 1, 0, 0)),
                new MembershipFunnelGroup("(none)", new MembershipFunnelCounts(1, 1, 1, 0)),
            ],
            groups);
    }

    [Fact]
    public void Breaks_down_by_friend_added_month_campaign_and_first_order_channel()
    {
        var (friends, orders) = Fixture();
        var options = new MembershipFunnelOptions(TimeZoneInfo.Utc);

        var months = MembershipFunnel.Compute(friends, orders, options, MembershipBreakdown.FriendAddedMonth).Groups;
        var campaigns = MembershipFunnel.Compute(friends, orders, options, MembershipBreakdown.Campaign).Groups;
        var channels = MembershipFunnel.Compute(friends, orders, options, MembershipBreakdown.Channel).Groups;

        Assert.Equal([("2026-01", new MembershipFunnelCounts(2, 2, 2, 1)), ("2026-02", new MembershipFunnelCounts(3, 2, 1, 0))],
            months.Select(g => (g.Key, g.Counts)));
        Assert.Equal([("c1", new MembershipFunnelCounts(3, 2, 1, 1)), ("c2", new MembershipFunnelCounts(1, 1, 1, 0)), ("(none)", new MembershipFunnelCounts(1, 1, 1, 0))],
            campaigns.Select(g => (g.Key, g.Counts)));
        Assert.Equal([("store", new MembershipFunnelCounts(2, 2, 2, 1)), ("web", new MembershipFunnelCounts(2, 1, 1, 0)), ("(none)", new MembershipFunnelCounts(1, 1, 0, 0))],
            channels.Select(g => (g.Key, g.Counts)));
    }

    [Fact]
    public void A_range_selects_friends_added_in_it_and_counts_later_steps_up_to_its_end()
    {
        var (friends, orders) = Fixture();

        var february = MembershipFunnel.Compute(friends, orders,
            new MembershipFunnelOptions(TimeZoneInfo.Utc) { From = new DateOnly(2026, 2, 1), Until = new DateOnly(2026, 3, 1) }).Total;
        var untilJanuary31 = MembershipFunnel.Compute(friends, orders,
            new MembershipFunnelOptions(TimeZoneInfo.Utc) { Until = new DateOnly(2026, 1, 31) }).Total;

        Assert.Equal(new MembershipFunnelCounts(3, 2, 1, 0), february);
        Assert.Equal(new MembershipFunnelCounts(2, 2, 2, 0), untilJanuary31); // person 0's second purchase day is Feb 1
    }

    [Fact]
    public void The_range_is_by_local_calendar_days()
    {
        // Added at 15:30Z on Jan 31: still January in UTC, already February in Tokyo.
        var friends = new FriendTableBuilder().AddFriend(0, At("2026-01-31T15:30Z")).Build();
        var february = new MembershipFunnelOptions(Tokyo) { From = new DateOnly(2026, 2, 1) };

        Assert.Equal(1, MembershipFunnel.Compute(friends, OrderTable.Empty, february).Total.Friends);
        Assert.Equal(0, MembershipFunnel.Compute(friends, OrderTable.Empty, february with { TimeZone = TimeZoneInfo.Utc }).Total.Friends);
        Assert.Equal("2026-02", MembershipFunnel.Compute(friends, OrderTable.Empty, february, MembershipBreakdown.FriendAddedMonth).Groups.Single().Key);
    }

    [Fact]
    public void No_friends_give_undefined_rates()
    {
        var total = MembershipFunnel.Compute(new FriendTableBuilder().Build(), OrderTable.Empty, new MembershipFunnelOptions(TimeZoneInfo.Utc)).Total;

        Assert.Equal(0, total.Friends);
        Assert.Null(total.BindingRate);
        Assert.Null(total.FirstPurchaseRate);
        Assert.Null(total.RepurchaseRate);
    }

    [Fact]
    public void Refunds_are_not_purchases()
    {
        var friends = new FriendTableBuilder().AddFriend(0, At("2026-01-01T00:00Z")).AddLink(0, At("2026-01-01T00:00Z")).Build();
        var orders = Table((0, "2026-01-02T00:00Z", -10m));

        Assert.Equal(new MembershipFunnelCounts(1, 1, 0, 0), MembershipFunnel.Compute(friends, orders, new MembershipFunnelOptions(TimeZoneInfo.Utc)).Total);
    }

    [Fact]
    public void Interactions_fill_the_friend_table_and_the_earliest_friend_add_wins()
    {
        var line = Identifier.LineUser("U4af4980629a1b2c3d4e5f60718293a4b");
        var builder = new FriendTableBuilder();

        Assert.True(builder.Add(0, new Interaction(line, At("2026-03-01T00:00Z"), InteractionKind.FriendAdded) { CampaignId = "late", Target = "umeda" }));
        Assert.True(builder.Add(0, new Interaction(line, At("2026-02-01T00:00Z"), InteractionKind.FriendAdded) { CampaignId = "early", Target = "shibuya" }));
        Assert.False(builder.Add(0, new Interaction(line, At("2026-02-02T00:00Z"), InteractionKind.PageViewed)));
        var table = builder.Build();

        Assert.Equal(At("2026-02-01T00:00Z").UtcTicks, table.FriendAdded[0]);
        Assert.Equal("early", table.CampaignNames[table.Campaigns[0]]);
        Assert.Equal("shibuya", table.StoreNames[table.Stores[0]]);
    }
}
