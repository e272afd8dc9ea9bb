using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Members;

public sealed class MemberTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Identifier Alice = Identifier.LineUser("U" + new string('a', 32));
    private static readonly Identifier Bob = Identifier.LineUser("U" + new string('b', 32));
    private static readonly Identifier AliceCard = Identifier.StoreCard("SHIBUYA-0001");

    private static Purchase Order(Identifier who, DateTimeOffset at, decimal amount, PurchaseChannel channel, string? store = null, params string?[] categories) =>
        new($"O-{at.UtcTicks}-{amount}", who, at, amount, "JPY", channel)
        {
            StoreId = store,
            Items = [.. categories.Select((c, i) => new LineItem($"SKU-{i}", c, 1, 100m))],
        };

    [Fact]
    public void Purchases_and_interactions_become_the_persons_facts()
    {
        var table = new MemberTable();
        var person = table.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));
        table.Append(new Interaction(Alice, T0.AddDays(3), InteractionKind.Clicked) { CampaignId = "spring", Target = "https://example.com/a" });
        table.Append(new Interaction(Alice, T0.AddDays(1), InteractionKind.Clicked));
        Assert.Equal(person, table.Append(Order(Alice, T0.AddDays(5), 1200m, PurchaseChannel.Store, "shibuya", "coffee", "tea", "coffee", null)));
        table.Append(Order(Alice, T0.AddDays(2), 800m, PurchaseChannel.Web));

        Assert.True(table.TryGetFacts(person, out var facts));
        Assert.False(facts.Blocked);
        Assert.Equal(T0, facts.FriendAddedAt);
        Assert.Equal(T0.AddDays(3), facts.LastClickAt);
        Assert.Equal([IdentifierType.LineUser], facts.LinkedTypes);
        Assert.Equal(Alice, facts.LineUser);
        Assert.Equal(2, facts.Purchases.Count);
        var store = facts.Purchases[0];
        Assert.Equal((T0.AddDays(5), 1200m, "JPY", "store", "shibuya"), (store.At, store.Amount, store.Currency, store.Channel, store.Store));
        Assert.Equal(["coffee", "tea"], store.Categories);
        Assert.Null(facts.Purchases[1].Store);
        Assert.Empty(facts.Purchases[1].Categories);
        Assert.Equal(["friend_added", "clicked", "clicked"], facts.Interactions.Select(i => i.Kind));
        Assert.Equal(("spring", "https://example.com/a"), (facts.Interactions[1].Campaign, facts.Interactions[1].Target));

        var row = table.RowOf(person);
        Assert.Equal(2000.0, table.Columns.TotalSpend[row]);
        Assert.Equal(T0.AddDays(2).UtcTicks, table.Columns.FirstPurchaseAt[row]);
        Assert.Equal(T0.AddDays(5).UtcTicks, table.Columns.LastPurchaseAt[row]);
        Assert.Equal(2, table.Purchases.Counts[row]);
        Assert.Equal(2, table.PurchaseCount);
        Assert.Equal(3, table.InteractionCount);
    }

    [Fact]
    public void A_person_with_no_purchases_has_empty_purchase_facts_and_never_timestamps()
    {
        var table = new MemberTable();
        var person = table.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));

        Assert.True(table.TryGetFacts(person, out var facts));
        Assert.Empty(facts.Purchases);
        Assert.Null(facts.LastClickAt);
        var row = table.RowOf(person);
        Assert.Equal(0, table.Purchases.Counts[row]);
        Assert.Equal(0.0, table.Columns.TotalSpend[row]);
        Assert.Equal(DateTime.UnixEpoch.Ticks, table.Columns.FirstPurchaseAt[row]);
        Assert.Equal(DateTime.UnixEpoch.Ticks, table.Columns.LastClickAt[row]);
    }

    [Fact]
    public void A_purchase_before_the_friend_was_added_is_kept()
    {
        var table = new MemberTable();
        var person = table.Append(Order(Alice, T0.AddDays(-30), 500m, PurchaseChannel.Store, "umeda"));
        table.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));

        Assert.True(table.TryGetFacts(person, out var facts));
        Assert.Equal(T0, facts.FriendAddedAt);
        var purchase = Assert.Single(facts.Purchases);
        Assert.True(purchase.At < facts.FriendAddedAt);
    }

    [Fact]
    public void The_latest_friend_state_event_wins_even_when_events_arrive_out_of_order()
    {
        var table = new MemberTable();
        var person = table.Append(new Interaction(Alice, T0.AddDays(10), InteractionKind.Blocked));
        table.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));
        Assert.True(Facts(table, person).Blocked);

        table.Append(new Interaction(Alice, T0.AddDays(11), InteractionKind.Unblocked));
        Assert.False(Facts(table, person).Blocked);

        table.Append(new Interaction(Alice, T0.AddDays(-5), InteractionKind.FriendAdded));
        Assert.Equal(T0.AddDays(-5), Facts(table, person).FriendAddedAt);
        Assert.False(Facts(table, person).Blocked);
    }

    [Fact]
    public void A_link_marks_both_identifier_types_and_keeps_the_LINE_user_id()
    {
        var resolver = new FixedResolver(new PersonId(7));
        var table = new MemberTable(resolver);
        table.Append(new IdentityLink(AliceCard, Alice, T0, LinkSource.PointOfSale));

        var facts = Facts(table, new PersonId(7));
        Assert.Equal([IdentifierType.StoreCard, IdentifierType.LineUser], facts.LinkedTypes);
        Assert.Equal(Alice, facts.LineUser);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Merging_moves_every_fact_to_the_survivor_and_removes_the_absorbed_person()
    {
        var table = new MemberTable();
        var alice = table.Append(new Interaction(Alice, T0, InteractionKind.FriendAdded));
        table.Append(Order(Alice, T0.AddDays(1), 100m, PurchaseChannel.Web));
        table.SetTag(alice, "vip");
        table.SetAttribute(alice, "plan", "gold");
        table.SetAttribute(alice, "city", "osaka");
        var card = table.Append(Order(AliceCard, T0.AddDays(-3), 300m, PurchaseChannel.Store, "shibuya", "tea"));
        table.Append(new Interaction(AliceCard, T0.AddDays(4), InteractionKind.Clicked));
        table.SetTag(card, "coffee-lover");
        table.SetAttribute(card, "plan", "silver");
        table.SetAttribute(card, "age_band", "30s");

        table.MergePersons(card, alice);

        Assert.Equal(1, table.Count);
        Assert.False(table.Contains(card));
        Assert.Equal([alice], table.Persons);
        var facts = Facts(table, alice);
        Assert.Equal([100m, 300m], facts.Purchases.Select(p => p.Amount));
        Assert.Equal(["friend_added", "clicked"], facts.Interactions.Select(i => i.Kind));
        Assert.Equal(["vip", "coffee-lover"], facts.Tags);
        Assert.Equal("gold", facts.Attributes["plan"]);
        Assert.Equal("osaka", facts.Attributes["city"]);
        Assert.Equal("30s", facts.Attributes["age_band"]);
        Assert.Equal([IdentifierType.LineUser, IdentifierType.StoreCard], facts.LinkedTypes);
        Assert.Equal(T0.AddDays(4), facts.LastClickAt);
        var row = table.RowOf(alice);
        Assert.Equal(400.0, table.Columns.TotalSpend[row]);
        Assert.Equal(T0.AddDays(-3).UtcTicks, table.Columns.FirstPurchaseAt[row]);
        Assert.Equal(2, table.PurchaseCount);
    }

    [Fact]
    public void Merging_into_a_person_the_table_has_not_seen_hands_over_the_row()
    {
        var table = new MemberTable();
        var alice = table.Append(Order(Alice, T0, 100m, PurchaseChannel.Web));
        var survivor = new PersonId(1000);

        table.MergePersons(alice, survivor);

        Assert.Equal([survivor], table.Persons);
        Assert.Equal(100m, Assert.Single(Facts(table, survivor).Purchases).Amount);
        Assert.False(table.TryGetFacts(alice, out _));
    }

    [Fact]
    public void The_friend_state_of_the_later_event_survives_a_merge()
    {
        var table = new MemberTable();
        var line = table.Append(new Interaction(Alice, T0, InteractionKind.Blocked));
        var other = table.Append(new Interaction(Bob, T0.AddDays(1), InteractionKind.FriendAdded));

        table.MergePersons(other, line);

        var facts = Facts(table, line);
        Assert.False(facts.Blocked);
        Assert.Equal(T0.AddDays(1), facts.FriendAddedAt);
    }

    [Fact]
    public void Thousands_of_interleaved_appends_keep_every_persons_purchases_in_order_and_compact_the_garbage()
    {
        var table = new MemberTable();
        var persons = Enumerable.Range(0, 50).Select(i => Identifier.WebMember($"M{i}")).ToArray();
        var random = new Random(5);
        var expected = persons.ToDictionary(p => p, _ => new List<decimal>());
        var personOf = new Dictionary<Identifier, PersonId>();
        for (var n = 0; n < 40_000; n++)
        {
            var who = persons[random.Next(persons.Length)];
            personOf[who] = table.Append(Order(who, T0.AddMinutes(n), n, PurchaseChannel.Web));
            expected[who].Add(n);
        }

        // Relocations leave garbage; the compaction rule keeps the arrays within a small factor of what they hold.
        Assert.InRange(table.Purchases.UsedSlots, 40_000, 4 * 40_000);
        foreach (var who in persons)
        {
            Assert.Equal(expected[who], Facts(table, personOf[who]).Purchases.Select(p => p.Amount));
        }

        table.Compact();
        Assert.Equal(40_000, table.Purchases.UsedSlots);
        table.Append(Order(persons[3], T0, -1m, PurchaseChannel.Web));
        Assert.Equal([.. expected[persons[3]], -1m], Facts(table, personOf[persons[3]]).Purchases.Select(p => p.Amount));
    }

    [Fact]
    public void Bad_input_is_refused_with_the_field_named_and_nothing_changes()
    {
        var table = new MemberTable();
        var alice = table.Append(Order(Alice, T0, 100m, PurchaseChannel.Web));
        var version = table.Version;

        Assert.Throws<ArgumentNullException>(() => table.Append((Purchase)null!));
        Assert.Equal("tag", Assert.Throws<ArgumentException>(() => table.SetTag(alice, " ")).ParamName);
        Assert.Equal("person", Assert.Throws<ArgumentException>(() => table.SetTag(default, "vip")).ParamName);
        Assert.Equal("absorbed", Assert.Throws<ArgumentException>(() => table.MergePersons(default, alice)).ParamName);
        var tooLong = Assert.Throws<ArgumentException>(() => table.SetAttribute(alice, "plan", new string('x', 257)));
        Assert.Contains("257", tooLong.Message, StringComparison.Ordinal);
        var broken = new MemberTable(new FixedResolver(default));
        Assert.Contains("returned default(PersonId)", Assert.Throws<InvalidOperationException>(() => broken.Append(Order(Alice, T0, 1m, PurchaseChannel.Web))).Message, StringComparison.Ordinal);

        Assert.Equal(version, table.Version);
        Assert.Equal(1, table.Count);
        Assert.Single(Facts(table, alice).Purchases);
        Assert.Empty(Facts(table, alice).Tags);
        Assert.Equal(0, broken.Count);
    }

    [Fact]
    public void More_identifier_types_than_the_mask_holds_are_refused_without_adding_a_person()
    {
        var table = new MemberTable();
        for (var i = 0; i < MemberTable.MaxIdentifierTypes; i++)
        {
            table.Append(Order(new Identifier(IdentifierType.FromName($"t{i}"), "x"), T0, 1m, PurchaseChannel.Web));
        }

        var error = Assert.Throws<InvalidOperationException>(() => table.Append(Order(new Identifier(IdentifierType.FromName("one_too_many"), "x"), T0, 1m, PurchaseChannel.Web)));
        Assert.Contains("one_too_many", error.Message, StringComparison.Ordinal);
        Assert.Equal(MemberTable.MaxIdentifierTypes, table.Count);
    }

    private static MemberFacts Facts(MemberTable table, PersonId person)
    {
        Assert.True(table.TryGetFacts(person, out var facts), $"{person} is not in the table");
        return facts;
    }

    private sealed class FixedResolver(PersonId person) : IPersonResolver
    {
        public PersonId Resolve(Identifier identifier) => person;
    }
}
