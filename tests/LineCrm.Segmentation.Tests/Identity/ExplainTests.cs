using LineCrm.Events;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

public sealed class ExplainTests
{
    [Fact]
    public void The_chain_names_each_link_with_its_source_and_time_in_order()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1"), minute: 10, LinkSource.AccountLink));
        graph.Link(Link(Card("C-1"), Web("M-1"), minute: 20, LinkSource.WebLogin));
        graph.Link(Link(Card("C-1"), Card("C-2"), minute: 30, LinkSource.PointOfSale));

        var chain = graph.Explain(Line(1), Card("C-2"));

        Assert.Equal(
            [
                new IdentityLink(Line(1), Web("M-1"), T0.AddMinutes(10), LinkSource.AccountLink),
                new IdentityLink(Web("M-1"), Card("C-1"), T0.AddMinutes(20), LinkSource.WebLogin),
                new IdentityLink(Card("C-1"), Card("C-2"), T0.AddMinutes(30), LinkSource.PointOfSale),
            ],
            chain);
        Assert.Equal(chain.Reverse().Select(l => (l.To, l.From)), graph.Explain(Card("C-2"), Line(1)).Select(l => (l.From, l.To)));
    }

    [Fact]
    public void The_chain_is_a_shortest_one_and_carries_the_earliest_observation_of_each_link()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.AddLinks([Link(Plain(1), Plain(2)), Link(Plain(2), Plain(3)), Link(Plain(3), Plain(4))]);
        graph.Link(Link(Plain(4), Plain(1), minute: 50, LinkSource.Import));
        graph.Link(Link(Plain(1), Plain(4), minute: 40, LinkSource.PointOfSale));
        graph.Link(Link(Plain(4), Plain(1), minute: 60, LinkSource.WebLogin));

        var chain = graph.Explain(Plain(1), Plain(4));

        Assert.Equal([new IdentityLink(Plain(1), Plain(4), T0.AddMinutes(40), LinkSource.PointOfSale)], chain);
    }

    [Fact]
    public void Identifiers_of_different_persons_have_no_chain_and_the_error_names_both()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1")));
        graph.Link(Link(Line(2), Web("M-2")));

        var error = Assert.Throws<InvalidOperationException>(() => graph.Explain(Line(1), Web("M-2")));

        Assert.Contains($"'{Line(1)}' is person P1", error.Message, StringComparison.Ordinal);
        Assert.Contains("'web:M-2' is person P2", error.Message, StringComparison.Ordinal);
        Assert.Empty(graph.Explain(Line(1), Line(1)));
        Assert.Throws<KeyNotFoundException>(() => graph.Explain(Line(1), Web("M-404")));
    }

    [Fact]
    public void After_a_split_the_removed_link_is_no_longer_part_of_any_chain()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.AddLinks([Link(Plain(1), Plain(2), minute: 1), Link(Plain(2), Plain(3), minute: 2), Link(Plain(1), Plain(3), minute: 3)]);
        Assert.Single(graph.Explain(Plain(1), Plain(3)));

        graph.Unlink(Plain(3), Plain(1));

        Assert.Equal([Plain(2), Plain(3)], graph.Explain(Plain(1), Plain(3)).Select(l => l.To));
    }
}
