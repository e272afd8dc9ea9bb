using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Members;

public sealed class IdentityGraphPersonResolverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly Identifier AliceLine = Identifier.LineUser("U" + new string('a', 32));
    private static readonly Identifier BobLine = Identifier.LineUser("U" + new string('b', 32));
    private static readonly Identifier AliceWeb = Identifier.WebMember("M-1001");
    private static readonly Identifier AliceCard = Identifier.StoreCard("SHIBUYA-0001");

    private static Purchase Order(string id, Identifier who, DateTimeOffset at, decimal amount, PurchaseChannel channel, string? store = null) =>
        new(id, who, at, amount, "JPY", channel) { StoreId = store };

    private static (IdentityGraph Graph, IdentityGraphPersonResolver Resolver, MemberTable Table) NewTable()
    {
        var graph = new IdentityGraph();
        var resolver = new IdentityGraphPersonResolver(graph);
        return (graph, resolver, new MemberTable(resolver));
    }

    private static MemberFacts Facts(MemberTable table, PersonId person)
    {
        Assert.True(table.TryGetFacts(person, out var facts), $"{person} is not in the table");
        return facts;
    }

    [Fact]
    public void Facts_of_two_identifiers_end_up_on_one_person_when_the_link_arrives_later()
    {
        var (graph, resolver, table) = NewTable();
        var line = table.Append(new Interaction(AliceLine, T0, InteractionKind.FriendAdded));
        table.Append(new Interaction(AliceLine, T0.AddDays(2), InteractionKind.Clicked));
        var web = table.Append(Order("W1", AliceWeb, T0.AddDays(1), 3000m, PurchaseChannel.Web));
        Assert.NotEqual(line, web);
        Assert.Equal(2, table.Count);

        var result = resolver.Link(new IdentityLink(AliceLine, AliceWeb, T0.AddDays(3), LinkSource.AccountLink), table);

        Assert.Equal(LinkOutcome.Merged, result.Outcome);
        Assert.Equal((line, web), (result.Person, result.Absorbed)); // the older person survives
        Assert.Equal(1, table.Count);
        Assert.False(table.Contains(web));
        var facts = Facts(table, graph.Resolve(AliceWeb));
        Assert.Equal(line, facts.Person);
        Assert.Equal(AliceLine, facts.LineUser);
        Assert.Equal(T0, facts.FriendAddedAt);
        Assert.Equal(T0.AddDays(2), facts.LastClickAt);
        Assert.Equal((3000m, "web"), (Assert.Single(facts.Purchases).Amount, facts.Purchases[0].Channel));
        Assert.Equal([IdentifierType.LineUser, IdentifierType.WebMember], facts.LinkedTypes);
    }

    [Fact]
    public void A_merged_person_keeps_both_persons_purchases_and_later_events_land_on_the_survivor()
    {
        var (graph, resolver, table) = NewTable();
        table.Append(Order("W1", AliceWeb, T0, 1000m, PurchaseChannel.Web));
        table.Append(Order("W2", AliceWeb, T0.AddDays(10), 2000m, PurchaseChannel.Web));
        table.Append(Order("S1", AliceCard, T0.AddDays(5), 500m, PurchaseChannel.Store, "shibuya"));
        table.Append(Order("S2", AliceCard, T0.AddDays(-3), -100m, PurchaseChannel.Store, "shibuya"));

        resolver.Link(new IdentityLink(AliceCard, AliceWeb, T0.AddDays(11), LinkSource.PointOfSale), table);
        var survivor = graph.Resolve(AliceCard);
        Assert.Equal(survivor, table.Append(Order("S3", AliceCard, T0.AddDays(12), 700m, PurchaseChannel.Store, "umeda")));

        var facts = Facts(table, survivor);
        Assert.Equal(
            [(T0.AddDays(-3), -100m), (T0, 1000m), (T0.AddDays(5), 500m), (T0.AddDays(10), 2000m), (T0.AddDays(12), 700m)],
            facts.Purchases.Select(p => (p.At, p.Amount)).OrderBy(p => p.At));
        Assert.Equal(["shibuya", "shibuya", "umeda"], facts.Purchases.Where(p => p.Store is not null).Select(p => p.Store!).Order());
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void A_batch_follows_a_chain_of_merges_in_the_order_the_graph_reports_them()
    {
        var (graph, resolver, table) = NewTable();
        table.Append(new Interaction(AliceLine, T0, InteractionKind.FriendAdded));
        table.Append(Order("W1", AliceWeb, T0.AddDays(1), 1000m, PurchaseChannel.Web));
        table.Append(Order("S1", AliceCard, T0.AddDays(2), 2000m, PurchaseChannel.Store, "umeda"));
        table.Append(Order("B1", BobLine, T0.AddDays(2), 9000m, PurchaseChannel.Web));
        Assert.Equal(4, table.Count);

        var totals = resolver.AddLinks(
        [
            new IdentityLink(AliceWeb, AliceCard, T0.AddDays(3), LinkSource.PointOfSale),
            new IdentityLink(AliceLine, AliceWeb, T0.AddDays(4), LinkSource.AccountLink),
        ], table);

        Assert.Equal(2, totals.Merged);
        Assert.Equal(2, table.Count);
        var alice = graph.Resolve(AliceCard);
        Assert.Equal(alice, graph.Resolve(AliceLine));
        var facts = Facts(table, alice);
        Assert.Equal([1000m, 2000m], facts.Purchases.Select(p => p.Amount).Order());
        Assert.Equal(AliceLine, facts.LineUser);
        Assert.Equal([9000m], Facts(table, graph.Resolve(BobLine)).Purchases.Select(p => p.Amount));
        Assert.Equal(graph.GetPersons().Order(), table.Persons.Order());
    }

    [Fact]
    public void Segment_results_follow_the_merge()
    {
        var (_, resolver, table) = NewTable();
        var now = T0.AddDays(20);
        table.Append(new Interaction(AliceLine, T0, InteractionKind.FriendAdded));
        table.Append(new Interaction(AliceLine, T0.AddDays(15), InteractionKind.Clicked));
        table.Append(Order("S1", AliceCard, T0.AddDays(1), 800m, PurchaseChannel.Store, "shibuya"));
        table.Append(Order("S2", AliceCard, T0.AddDays(9), 900m, PurchaseChannel.Store, "shibuya"));
        var segment = Segment.Compile(
            "!blocked && lastClickAt > now - days(365) && purchases.filter(p, p.at > now - days(365)).size() >= 2 && purchases.exists(p, p.channel == \"store\")");

        var before = segment.Evaluate(table, now);
        Assert.Empty(before.Members); // the clicks and the store orders belong to two persons so far

        resolver.AddLinks([new IdentityLink(AliceLine, AliceWeb, T0.AddDays(16), LinkSource.AccountLink), new IdentityLink(AliceWeb, AliceCard, T0.AddDays(17), LinkSource.PointOfSale)], table);
        var after = segment.Evaluate(table, now);

        Assert.Single(after.Members);
        Assert.Equal([AliceLine], after.Members.LineUserIds);
        var diff = after.Members.Diff(before.Members);
        Assert.Equal([resolver.Graph.Resolve(AliceCard)], diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void A_refused_link_changes_nothing_in_the_table()
    {
        var (graph, resolver, table) = NewTable();
        table.Append(Order("A1", AliceLine, T0, 100m, PurchaseChannel.Web));
        table.Append(Order("B1", BobLine, T0, 200m, PurchaseChannel.Web));
        resolver.Link(new IdentityLink(AliceLine, AliceWeb, T0.AddDays(1), LinkSource.AccountLink), table);
        var version = table.Version;

        // A second LINE user id for Alice's web member: the default rules allow one per person.
        var result = resolver.Link(new IdentityLink(BobLine, AliceWeb, T0.AddDays(2), LinkSource.AccountLink), table);

        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.Equal(version, table.Version);
        Assert.Equal(2, table.Count);
        Assert.Equal([100m], Facts(table, graph.Resolve(AliceWeb)).Purchases.Select(p => p.Amount));
        Assert.Equal([200m], Facts(table, graph.Resolve(BobLine)).Purchases.Select(p => p.Amount));
    }

    [Fact]
    public void A_table_built_with_another_resolver_is_refused_before_the_graph_changes()
    {
        var (graph, resolver, _) = NewTable();
        var other = new MemberTable();

        var error = Assert.Throws<ArgumentException>(() => resolver.Link(new IdentityLink(AliceLine, AliceWeb, T0, LinkSource.AccountLink), other));

        Assert.Equal("table", error.ParamName);
        Assert.Contains("another person resolver", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, graph.LinkCount);
        Assert.Throws<ArgumentException>(() => resolver.AddLinks([new IdentityLink(AliceLine, AliceWeb, T0, LinkSource.AccountLink)], other));
        Assert.Equal(0, graph.LinkCount);
    }

    [Fact]
    public void A_blocked_identifier_value_is_refused_with_the_graphs_reason()
    {
        var (graph, _, table) = NewTable();

        var error = Assert.Throws<ArgumentException>(() => table.Append(Order("X", Identifier.WebMember("unknown"), T0, 1m, PurchaseChannel.Web)));

        Assert.Contains("unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, table.Count);
        Assert.Single(graph.AuditLog);
    }
}
