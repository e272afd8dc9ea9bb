using System.Text;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Members.Files;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// Forgetting a person (a privacy request): nothing of them stays in the member table, in its saved file or in the
/// identity graph, and nobody else loses anything.
/// </summary>
public sealed class ForgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_forgotten_person_leaves_the_table_and_every_segment_and_the_others_keep_their_facts()
    {
        var (graph, table, hana, ken) = TwoCustomers();
        var kenBefore = RandomTables.DescribePersons(table, [ken]);

        Assert.True(table.Forget(hana));

        Assert.False(table.Contains(hana));
        Assert.False(table.TryGetFacts(hana, out _));
        Assert.Equal([ken], table.Persons);
        Assert.Equal(1, table.PurchaseCount);
        Assert.Equal(2, table.InteractionCount);
        foreach (var text in new[] { "true", "'vip' in tags", "purchases.size() > 0", "'line' in linked", "attributes['email'] != ''" })
        {
            Assert.DoesNotContain(hana, Segment.Compile(text).Evaluate(table, Now).Members);
        }

        Assert.Equal(kenBefore, RandomTables.DescribePersons(table, [ken]));
        Assert.True(graph.Exists(ken));
    }

    [Fact]
    public void A_saved_table_holds_no_byte_of_a_forgotten_persons_values()
    {
        var (_, table, hana, _) = TwoCustomers();
        table.Forget(hana);
        table.Compact();
        using var file = new MemoryStream();
        table.Save(file, TestContext.Current.CancellationToken);
        var bytes = file.ToArray();
        foreach (var secret in new[] { "hana@example.com", Line(1).Value, "Hana Sato" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }

        Assert.False(MemberTable.Load(new MemoryStream(bytes), new IdentifierKeyedPersonResolver(), TestContext.Current.CancellationToken).Contains(hana));
    }

    [Fact]
    public void Forgetting_in_the_graph_removes_every_identifier_without_a_split_and_purges_the_audit_log()
    {
        var (graph, _, hana, ken) = TwoCustomers();
        var splits = new List<PersonSplit>();
        graph.PersonsSplit += (_, split) => splits.Add(split);
        Assert.Equal(LinkOutcome.Refused, graph.Link(Link(Line(3), Web("hana"))).Outcome);
        Assert.Equal(LinkOutcome.Refused, graph.Link(Link(Line(4), Web("ken"))).Outcome);

        var removed = graph.Forget(hana);

        Assert.Equal(new[] { Line(1), Web("hana"), Card("C-hana") }.OrderBy(i => i.ToString()), removed.OrderBy(i => i.ToString()));
        Assert.False(graph.Exists(hana));
        Assert.All(removed, identifier => Assert.False(graph.Contains(identifier)));
        Assert.Empty(splits);
        Assert.Equal(Web("ken"), Assert.Single(graph.AuditLog).Link!.To);
        Assert.Equal(new[] { Line(2), Web("ken") }.OrderBy(i => i.ToString()), graph.GetIdentifiers(ken).OrderBy(i => i.ToString()));
        Assert.Empty(graph.Forget(hana));
    }

    [Fact]
    public void A_forgotten_person_who_comes_back_starts_afresh()
    {
        var (graph, table, hana, _) = TwoCustomers();
        graph.Forget(hana);
        table.Forget(hana);

        var again = table.Append(new Purchase("O9", Web("hana"), Now, 1m, "JPY", PurchaseChannel.Web));

        Assert.NotEqual(hana, again);
        Assert.True(table.TryGetFacts(again, out var facts));
        Assert.Single(facts.Purchases);
        Assert.Empty(facts.Tags);
        Assert.Empty(facts.Attributes);
        Assert.Null(facts.LineUser);
    }

    [Fact]
    public void Forgetting_someone_the_table_does_not_hold_changes_nothing()
    {
        var (_, table, _, _) = TwoCustomers();
        var version = table.Version;
        Assert.False(table.Forget(new PersonId(999)));
        Assert.Equal(version, table.Version);
        Assert.Throws<ArgumentException>(() => table.Forget(default));
    }

    private static (IdentityGraph Graph, MemberTable Table, PersonId Hana, PersonId Ken) TwoCustomers()
    {
        var graph = new IdentityGraph();
        var resolver = new IdentityGraphPersonResolver(graph);
        var table = new MemberTable(resolver);
        resolver.Link(Link(Web("hana"), Line(1)), table);
        resolver.Link(Link(Web("hana"), Card("C-hana")), table);
        resolver.Link(Link(Web("ken"), Line(2)), table);
        var hana = graph.Resolve(Web("hana"));
        var ken = graph.Resolve(Web("ken"));
        table.Append(new Purchase("O1", Card("C-hana"), Now.AddDays(-3), 120m, "JPY", PurchaseChannel.Store) { StoreId = "shibuya" });
        table.Append(new Purchase("O2", Web("ken"), Now.AddDays(-2), 80m, "JPY", PurchaseChannel.Web));
        table.Append(new Interaction(Line(1), Now.AddDays(-1), InteractionKind.Clicked) { CampaignId = "spring" });
        table.Append(new Interaction(Line(2), Now.AddDays(-1), InteractionKind.FriendAdded));
        table.Append(new Interaction(Line(2), Now.AddDays(-1), InteractionKind.Clicked));
        table.SetTag(hana, "vip");
        table.SetAttribute(hana, "email", "hana@example.com");
        table.SetAttribute(hana, "name", "Hana Sato");
        table.SetAttribute(ken, "name", "Ken");
        return (graph, table, hana, ken);
    }
}
