using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>The worked example of docs/identity.md, step by step, so the guide cannot drift from the code.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void The_guide_example_does_what_the_guide_says()
    {
        var graph = new IdentityGraph();
        var merges = new List<PersonMerge>();
        graph.PersonsMerged += (_, m) => merges.Add(m);
        var line = Identifier.LineUser("U4af4980629a1b2c3d4e5f60718293a4b");
        var web = Identifier.WebMember("M-1001");
        var shibuya = Identifier.StoreCard("SHIBUYA-00042");
        var osaka = Identifier.StoreCard("OSAKA-00007");
        var day = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(9));

        graph.TryAddIdentifier(osaka, out var p1);
        graph.Link(new IdentityLink(line, web, day, LinkSource.AccountLink));
        graph.Link(new IdentityLink(web, shibuya, day.AddDays(1), LinkSource.WebLogin));
        var merge = graph.Link(new IdentityLink(shibuya, osaka, day.AddDays(2), LinkSource.PointOfSale));

        Assert.Equal(new PersonId(1), p1);
        Assert.Equal((LinkOutcome.Merged, new PersonId(2), p1), (merge.Outcome, merge.Absorbed, merge.Person));
        Assert.Equal((new PersonId(2), p1), (merges.Single().Absorbed, merges.Single().Surviving));
        Assert.Equal(p1, graph.Resolve(web));
        Assert.Equal(line, graph.GetLineUserId(graph.Resolve(osaka)));
        Assert.Equal([osaka, shibuya], graph.GetIdentifiers(p1, IdentifierType.StoreCard));

        var utc = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new IdentityLink(line, web, utc, LinkSource.AccountLink),
                new IdentityLink(web, shibuya, utc.AddDays(1), LinkSource.WebLogin),
                new IdentityLink(shibuya, osaka, utc.AddDays(2), LinkSource.PointOfSale),
            ],
            graph.Explain(line, osaka));

        var other = Identifier.LineUser("U0123456789abcdef0123456789abcdef");
        Assert.Equal(LinkOutcome.Refused, graph.Link(new IdentityLink(other, shibuya, day.AddDays(3), LinkSource.PointOfSale)).Outcome);
        Assert.Equal(
            $"MaxPerPerson: a person may have at most 1 line identifier(s) and the link would make 2 (P1 has {line}; the link adds {other}).",
            graph.AuditLog[^1].Reason);

        var removed = graph.RemoveIdentifier(osaka);
        Assert.Equal([p1], removed!.Persons);
        var split = graph.Unlink(web, shibuya);
        Assert.Equal([p1, new PersonId(3)], split!.Persons);
        Assert.Equal(new PersonId(3), graph.Resolve(shibuya));
    }
}
