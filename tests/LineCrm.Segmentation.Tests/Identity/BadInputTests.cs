using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

public sealed class BadInputTests
{
    private static IdentityGraph Existing()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1")));
        return graph;
    }

    private static void AssertUnchanged(IdentityGraph graph)
    {
        Assert.Equal((2, 1, 1), (graph.IdentifierCount, graph.PersonCount, graph.LinkCount));
        Assert.Empty(graph.AuditLog);
    }

    [Fact]
    public void A_link_of_an_identifier_to_itself_is_refused_with_the_identifier_named()
    {
        var graph = Existing();
        var self = Link(Card("C-1"), Web("M-9")) with { To = Card("C-1") };

        var error = Assert.Throws<ArgumentException>(() => graph.Link(self));

        Assert.Contains("'store:C-1' to itself", error.Message, StringComparison.Ordinal);
        Assert.Equal("link", error.ParamName);
        AssertUnchanged(graph);
    }

    [Fact]
    public void A_bad_link_in_a_batch_is_named_by_position_and_nothing_of_the_batch_is_applied()
    {
        var graph = Existing();
        var links = new[] { Link(Card("C-1"), Web("M-1")), Link(Card("C-2"), Web("M-2")), Link(Card("C-3"), Web("M-3")) with { From = Web("M-3") } };

        var error = Assert.Throws<ArgumentException>(() => graph.AddLinks(links));

        Assert.Equal("links[2]", error.ParamName);
        AssertUnchanged(graph);
        Assert.Equal("links[1]", Assert.Throws<ArgumentNullException>(() => graph.AddLinks([links[0], null!])).ParamName);
        AssertUnchanged(graph);
    }

    [Fact]
    public void Default_identifiers_are_refused_everywhere_and_null_arguments_are_named()
    {
        var graph = Existing();
        Assert.Throws<ArgumentException>(() => graph.TryResolve(default, out _));
        Assert.Throws<ArgumentException>(() => graph.Contains(default));
        Assert.Throws<ArgumentException>(() => graph.TryAddIdentifier(default, out _));
        Assert.Equal("identifiers[1]", Assert.Throws<ArgumentException>(() => graph.AddIdentifiers([Card("C-5"), default])).ParamName);
        Assert.Throws<ArgumentException>(() => graph.Unlink(default, Line(1)));
        Assert.Throws<ArgumentException>(() => graph.Unlink(Line(1), Line(1)));
        Assert.Throws<ArgumentException>(() => graph.RemoveIdentifier(default));
        Assert.Throws<ArgumentException>(() => graph.Explain(default, Line(1)));
        Assert.Throws<ArgumentNullException>(() => graph.Link(null!));
        Assert.Throws<ArgumentNullException>(() => graph.AddLinks(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.EnsureCapacity(-1, 0));
        AssertUnchanged(graph);
    }

    [Fact]
    public void Unknown_identifiers_and_persons_say_what_was_asked_for()
    {
        var graph = Existing();
        Assert.False(graph.TryResolve(Card("nope"), out var none));
        Assert.True(none.IsDefault);
        Assert.Contains("'store:nope'", Assert.Throws<KeyNotFoundException>(() => graph.Resolve(Card("nope"))).Message, StringComparison.Ordinal);
        Assert.Contains("P42", Assert.Throws<KeyNotFoundException>(() => graph.GetIdentifiers(new PersonId(42))).Message, StringComparison.Ordinal);
        Assert.False(graph.Exists(new PersonId(42)));
        Assert.False(graph.Exists(default));
    }

    [Fact]
    public void Malformed_identifiers_never_reach_the_graph()
    {
        // The vocabulary rejects them where they are made, with the type and the value in the message.
        Assert.Contains("'U123'", Assert.Throws<ArgumentException>(() => Identifier.LineUser("U123")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Identifier.Parse("no-separator", null));
        Assert.Throws<ArgumentException>(() => new IdentityLink(Line(1), Line(1), T0, LinkSource.Import));
    }
}
