using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics.Store;

public sealed class FromMembersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Identifier Alice = StoreEvents.Line(1);
    private static readonly Identifier AliceWeb = StoreEvents.Web(1);
    private static readonly Identifier Bob = StoreEvents.Line(2);

    private static Purchase Order(string id, Identifier who, int day, decimal amount, string currency = "JPY") =>
        new(id, who, T0.AddDays(day), amount, currency, PurchaseChannel.Store) { StoreId = "umeda" };

    [Fact]
    public void Orders_are_numbered_by_the_stores_person_numbers_with_its_ids_and_exact_amounts()
    {
        var members = new MemberTable();
        members.Append(Order("o1", Bob, 0, 1_980m));
        members.Append(Order("o2", Alice, 1, 19.99m));
        members.Append(Order("o3", Bob, 2, -500m));

        var orders = OrderTable.FromMembers(members);

        var bob = members.PersonNumberOf(members.Persons.First());
        Assert.Equal(members.PersonNumberCount, orders.PersonCount);
        Assert.Equal("JPY", orders.Currency);
        Assert.Equal([bob, bob, 1 - bob], orders.Persons.ToArray());
        Assert.Equal([1_980m, -500m, 19.99m], orders.Amounts.ToArray());
        Assert.Equal("umeda", orders.StoreNames[orders.Stores[0]]);
        Assert.Equal("store", orders.ChannelNames[orders.Channels[2]]);
        Assert.True(members.TryGetPerson(orders.Persons[2], out var alice));
        Assert.Equal(members.Persons.Last(), alice);
    }

    [Fact]
    public void Amounts_come_back_at_the_scale_they_went_in_so_reports_print_as_the_data_was_written()
    {
        // A zero amount (a free order) must not turn every total into four decimal places.
        var members = new MemberTable();
        members.Append(Order("o1", Alice, 0, 0m));
        members.Append(Order("o2", Alice, 1, 19.99m));
        members.Append(Order("o3", Bob, 1, 12.5m));

        var orders = OrderTable.FromMembers(members);
        var report = PurchaseAnalytics.Compute(orders, TimeZoneInfo.Utc);

        Assert.Equal(["0", "19.99", "12.5"], orders.Amounts.ToArray().Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("32.49", report.Revenue.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_store_with_several_currencies_is_refused_unless_one_is_named()
    {
        var members = new MemberTable();
        members.Append(Order("o1", Alice, 0, 1_000m, "JPY"));
        members.Append(Order("o2", Bob, 0, 12.50m, "USD"));
        members.Append(Order("o3", Bob, 1, 7.25m, "USD"));

        var error = Assert.Throws<ArgumentException>(() => OrderTable.FromMembers(members));
        Assert.Contains("JPY, USD", error.Message, StringComparison.Ordinal);

        var usd = OrderTable.FromMembers(members, "USD");
        Assert.Equal(("USD", 2), (usd.Currency, usd.Count));
        Assert.Equal(19.75m, PurchaseAnalytics.Compute(usd, TimeZoneInfo.Utc).Revenue);
        Assert.Equal(0, OrderTable.FromMembers(members, "THB").Count);
        Assert.Equal(("USD", 2), (OrderTable.FromMembers(members, "usd").Currency, OrderTable.FromMembers(members, "usd").Count));
        var notACode = Assert.Throws<ArgumentException>(() => OrderTable.FromMembers(members, "US$"));
        Assert.Contains("US$", notACode.Message, StringComparison.Ordinal);
        Assert.Null(OrderTable.FromMembers(new MemberTable()).Currency);
    }

    [Fact]
    public void The_order_builder_refuses_a_second_currency_and_reports_the_one_it_holds()
    {
        var builder = new OrderTableBuilder().Add(0, Order("o1", Alice, 0, 1m, "THB"));
        var error = Assert.Throws<ArgumentException>(() => builder.Add(1, Order("o2", Bob, 0, 1m, "JPY")));
        Assert.Contains("o2", error.Message, StringComparison.Ordinal);
        Assert.Equal("THB", PurchaseAnalytics.Compute(builder.Build(), TimeZoneInfo.Utc).Currency);
    }

    [Fact]
    public void Persons_merged_away_or_forgotten_keep_their_numbers_with_no_facts_in_them()
    {
        var resolver = new IdentityGraphPersonResolver(new IdentityGraph());
        var members = new MemberTable(resolver);
        members.Append(Order("o1", AliceWeb, 0, 100m));
        members.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));
        members.Append(new Interaction(Bob, T0, InteractionKind.FriendAdded));
        var bob = members.PersonNumberOf(resolver.Resolve(Bob));
        resolver.Link(new IdentityLink(Alice, AliceWeb, T0.AddHours(1), LinkSource.AccountLink), members);
        members.Forget(resolver.Resolve(Bob));

        var orders = OrderTable.FromMembers(members);
        var friends = FriendTable.FromMembers(members);

        Assert.Equal(3, members.PersonNumberCount);
        Assert.Equal(1, members.Count);
        Assert.False(members.TryGetPerson(bob, out _));
        var alice = members.PersonNumberOf(resolver.Resolve(Alice));
        Assert.Equal([alice], orders.Persons.ToArray());
        var added = Enumerable.Range(0, friends.PersonCount).Where(p => friends.FriendAdded[p] != FriendTable.Never).ToArray();
        Assert.Equal([alice], added);
    }

    [Fact]
    public void The_tables_are_snapshots_that_later_appends_do_not_change()
    {
        var members = new MemberTable();
        members.Append(Order("o1", Alice, 0, 100m));
        members.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));
        var orders = OrderTable.FromMembers(members);
        var friends = FriendTable.FromMembers(members);

        members.Append(Order("o2", Alice, 1, 200m));
        members.Append(new Interaction(Alice, T0.AddDays(1), InteractionKind.Blocked));

        Assert.Equal(1, orders.Count);
        Assert.False(friends.Blocked[0]);
        Assert.True(FriendTable.FromMembers(members).Blocked[0]);
    }

    [Fact]
    public void The_earliest_friend_add_recruits_and_the_latest_friend_event_decides_blocking_in_store_and_builder_alike()
    {
        // Arrival order differs from time order: the later add arrives first, the re-add after the block last.
        Interaction[] events =
        [
            new(Alice, T0.AddDays(5), InteractionKind.FriendAdded) { CampaignId = "summer", Target = "tenjin" },
            new(Alice, T0, InteractionKind.FriendAdded) { CampaignId = "spring", Target = "shibuya" },
            new(Alice, T0.AddDays(2), InteractionKind.Blocked),
            new(Bob, T0.AddDays(1), InteractionKind.FriendAdded),
            new(Bob, T0.AddDays(3), InteractionKind.Blocked),
            new(Bob, T0.AddDays(2), InteractionKind.Unblocked),
        ];
        var members = new MemberTable();
        var builder = new FriendTableBuilder();
        foreach (var e in events)
        {
            var person = members.Append(e);
            builder.Add(members.PersonNumberOf(person), e);
        }

        foreach (var friends in new[] { FriendTable.FromMembers(members), builder.Build() })
        {
            var (alice, bob) = (members.PersonNumberOf(members.Persons.First()), members.PersonNumberOf(members.Persons.Last()));
            Assert.Equal(T0.UtcTicks, friends.FriendAdded[alice]);
            Assert.Equal("spring", friends.CampaignNames[friends.Campaigns[alice]]);
            Assert.Equal("shibuya", friends.StoreNames[friends.Stores[alice]]);
            Assert.False(friends.Blocked[alice]); // added again on day 5, after the block on day 2
            Assert.True(friends.Blocked[bob]);
            Assert.Equal(-1, friends.Stores[bob]);
            Assert.Equal(T0.AddDays(5).UtcTicks, friends.LatestEventUtcTicks);
        }
    }
}
