using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Members.Files;
using LineCrm.Segmentation.Tests.Segments;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// When a person linked: the earliest identity link appended to the table that joins a LINE user id to an
/// identifier of another type. Other links do not count; a merge keeps the earlier time; forgetting clears it; it
/// is saved and loaded.
/// </summary>
public sealed class LinkedAtTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.FromHours(9));
    private static readonly Identifier HanaLine = Identifier.LineUser("U" + new string('a', 32));
    private static readonly Identifier HanaWeb = Identifier.WebMember("M-1");
    private static readonly Identifier HanaCard = Identifier.StoreCard("CARD-1");
    private static readonly Identifier KenLine = Identifier.LineUser("U" + new string('b', 32));
    private static readonly Identifier KenWeb = Identifier.WebMember("M-2");

    private static (IdentityGraphPersonResolver Resolver, MemberTable Table) NewTable()
    {
        var resolver = new IdentityGraphPersonResolver(new IdentityGraph());
        return (resolver, new MemberTable(resolver));
    }

    private static DateTimeOffset? LinkedAt(MemberTable table, Identifier who)
    {
        var person = ((IdentityGraphPersonResolver)table.Resolver).Graph.Resolve(who);
        Assert.True(table.TryGetFacts(person, out var facts));
        return facts.LinkedAt;
    }

    [Fact]
    public void The_earliest_link_of_a_line_user_id_to_another_type_is_when_the_person_linked()
    {
        var (resolver, table) = NewTable();
        table.Append(new Interaction(HanaLine, T0, InteractionKind.FriendAdded));

        resolver.Link(new IdentityLink(HanaWeb, HanaCard, T0.AddDays(1), LinkSource.Import), table);
        Assert.Null(LinkedAt(table, HanaLine));
        Assert.Null(LinkedAt(table, HanaWeb));

        resolver.Link(new IdentityLink(HanaLine, HanaWeb, T0.AddDays(5), LinkSource.AccountLink), table);
        Assert.Equal(T0.AddDays(5), LinkedAt(table, HanaCard));

        // Out of order: an earlier link arriving later wins; a later one changes nothing.
        resolver.Link(new IdentityLink(HanaCard, HanaLine, T0.AddDays(3), LinkSource.PointOfSale), table);
        resolver.Link(new IdentityLink(HanaLine, HanaWeb, T0.AddDays(9), LinkSource.AccountLink), table);
        Assert.Equal(T0.AddDays(3), LinkedAt(table, HanaLine));
    }

    [Fact]
    public void Links_applied_in_a_batch_count_the_same()
    {
        var (resolver, table) = NewTable();

        resolver.AddLinks(
        [
            new IdentityLink(KenWeb, KenLine, T0.AddDays(2), LinkSource.AccountLink),
            new IdentityLink(HanaWeb, HanaCard, T0.AddDays(1), LinkSource.Import),
        ], table);

        Assert.Equal(T0.AddDays(2), LinkedAt(table, KenLine));
        Assert.Null(LinkedAt(table, HanaCard));
    }

    [Fact]
    public void A_merge_keeps_the_earlier_link_time()
    {
        var resolver = new RandomTables.MergingResolver();
        var table = new MemberTable(resolver);
        table.Append(new IdentityLink(HanaWeb, HanaLine, T0.AddDays(4), LinkSource.AccountLink));
        table.Append(new IdentityLink(KenWeb, KenLine, T0.AddDays(2), LinkSource.AccountLink));
        var noLink = table.Append(new Purchase("O-1", HanaCard, T0, 1m, "JPY", PurchaseChannel.Store));
        var (hana, ken) = (resolver.Resolve(HanaWeb), resolver.Resolve(KenWeb));

        table.MergePersons(ken, hana);
        table.MergePersons(noLink, hana);

        Assert.True(table.TryGetFacts(hana, out var facts));
        Assert.Equal(T0.AddDays(2), facts.LinkedAt);
    }

    [Fact]
    public void A_survivor_without_a_link_takes_the_absorbed_persons_time()
    {
        var resolver = new RandomTables.MergingResolver();
        var table = new MemberTable(resolver);
        var card = table.Append(new Purchase("O-1", HanaCard, T0, 1m, "JPY", PurchaseChannel.Store));
        table.Append(new IdentityLink(HanaWeb, HanaLine, T0.AddDays(4), LinkSource.AccountLink));

        table.MergePersons(resolver.Resolve(HanaWeb), card);

        Assert.True(table.TryGetFacts(card, out var facts));
        Assert.Equal(T0.AddDays(4), facts.LinkedAt);
    }

    [Fact]
    public void Forgetting_clears_it_and_a_new_link_starts_afresh()
    {
        var resolver = new RandomTables.MergingResolver();
        var table = new MemberTable(resolver);
        table.Append(new IdentityLink(HanaWeb, HanaLine, T0, LinkSource.AccountLink));
        var hana = resolver.Resolve(HanaWeb);

        Assert.True(table.Forget(hana));
        resolver.Forget(hana);
        var again = table.Append(new Purchase("O-1", HanaWeb, T0.AddDays(1), 1m, "JPY", PurchaseChannel.Web));

        Assert.True(table.TryGetFacts(again, out var facts));
        Assert.Null(facts.LinkedAt);
    }

    [Fact]
    public void Segments_read_it_as_linkedAt_the_epoch_when_never_compiled_and_interpreted_alike()
    {
        var (resolver, table) = NewTable();
        resolver.Link(new IdentityLink(HanaLine, HanaWeb, T0.AddDays(-10), LinkSource.AccountLink), table);
        resolver.Link(new IdentityLink(KenWeb, HanaCard, T0.AddDays(-5), LinkSource.Import), table);
        table.Append(new Interaction(KenLine, T0, InteractionKind.FriendAdded));
        var graph = resolver.Graph;
        var (hana, ken, kenLine) = (graph.Resolve(HanaLine), graph.Resolve(KenWeb), graph.Resolve(KenLine));

        foreach (var (expression, members) in new (string, PersonId[])[]
        {
            ("linkedAt > now - days(30)", [hana]),
            ("linkedAt > now - days(7)", []),
            ("linkedAt == timestamp('1970-01-01T00:00:00Z')", [ken, kenLine]),
            ("linkedAt.getFullYear('Asia/Tokyo') == 2026", [hana]),
        })
        {
            var segment = Segment.Compile(expression);
            Assert.True(segment.IsCompiled, segment.InterpretedBecause);
            Assert.Equal(members.Order(), segment.Evaluate(table, T0).Members.ToPersonSet().Order());
            ReferenceAgreement.AssertAgrees(segment, MemberSchema.Environment, table, T0);
        }
    }

    [Fact]
    public void It_is_saved_and_loaded()
    {
        var resolver = new RandomTables.MergingResolver();
        var table = new MemberTable(resolver);
        table.Append(new IdentityLink(HanaWeb, HanaLine, T0, LinkSource.AccountLink));
        var ken = table.Append(new Purchase("O-1", KenWeb, T0, 1m, "JPY", PurchaseChannel.Web));

        var loaded = MemberTableFileTests.RoundTrip(table);

        Assert.True(loaded.TryGetFacts(resolver.Resolve(HanaWeb), out var hana));
        Assert.Equal(T0, hana.LinkedAt);
        Assert.True(loaded.TryGetFacts(ken, out var kenFacts));
        Assert.Null(kenFacts.LinkedAt);
    }
}
