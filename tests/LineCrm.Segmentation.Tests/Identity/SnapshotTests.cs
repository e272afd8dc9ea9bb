using System.Buffers.Binary;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

public sealed class SnapshotTests
{
    private static byte[] SavedExample()
    {
        var graph = new IdentityGraph(IdentityRules.Default, new FixedClock(T0));
        graph.Link(Link(Line(1), Web("M-1"), minute: 1, LinkSource.AccountLink));
        graph.Link(Link(Web("M-1"), Card("SHIBUYA-00042"), minute: 2, LinkSource.WebLogin));
        graph.Link(Link(Line(2), Card("SHIBUYA-00042"), minute: 3, LinkSource.PointOfSale));
        graph.Link(Link(new Identifier(IdentifierType.FromName("loyalty_app"), "A-77"), Card("店舗-1"), minute: 4, LinkSource.FromName("call_center")));
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    /// <summary>A graph with contents of its own, to show that a failed load leaves them alone.</summary>
    private static IdentityGraph Existing()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(9), Card("KEEP-ME")));
        return graph;
    }

    private static void AssertUnchanged(IdentityGraph graph)
    {
        Assert.Equal(2, graph.IdentifierCount);
        Assert.Equal(new PersonId(1), graph.Resolve(Card("KEEP-ME")));
        Assert.Equal([Line(9), Card("KEEP-ME")], graph.GetIdentifiers(new PersonId(1)));
    }

    [Fact]
    public void A_loaded_snapshot_answers_as_the_saved_graph_did()
    {
        var loaded = Existing();
        loaded.Load(new MemoryStream(SavedExample()));

        Assert.False(loaded.Contains(Card("KEEP-ME")));
        Assert.Equal(new PersonId(1), loaded.Resolve(Card("SHIBUYA-00042")));
        Assert.Equal([Line(1), Web("M-1"), Card("SHIBUYA-00042")], loaded.GetIdentifiers(new PersonId(1)));
        Assert.Equal(Card("店舗-1"), loaded.GetIdentifiers(new PersonId(2), IdentifierType.StoreCard).Single());
        Assert.Equal(LinkSource.FromName("call_center"), loaded.Explain(Card("店舗-1"), new Identifier(IdentifierType.FromName("loyalty_app"), "A-77")).Single().Source);
        var refusal = Assert.Single(loaded.AuditLog);
        Assert.Equal(IdentityRuleKind.MaxPerPerson, refusal.Rule);
        Assert.Equal(Link(Line(2), Card("SHIBUYA-00042"), minute: 3, LinkSource.PointOfSale), refusal.Link);
        Assert.Equal(T0, refusal.RefusedAt);

        // New persons continue the numbering where the saved graph stopped.
        loaded.TryAddIdentifier(Card("NEW"), out var next);
        Assert.Equal(new PersonId(3), next);
    }

    [Fact]
    public void Every_truncation_is_refused_with_a_clear_message_and_the_graph_is_left_as_it_was()
    {
        var bytes = SavedExample();
        var graph = Existing();
        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<InvalidDataException>(() => graph.Load(new MemoryStream(bytes, 0, length)));
            Assert.Contains("snapshot", error.Message, StringComparison.Ordinal);
            Assert.Matches("truncated|not start with|not valid", error.Message);
        }

        AssertUnchanged(graph);
        var cut = Assert.Throws<InvalidDataException>(() => graph.Load(new MemoryStream(bytes, 0, bytes.Length / 2)));
        Assert.Contains("truncated", cut.Message, StringComparison.Ordinal);
        Assert.Contains("ended in", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_version_is_refused_and_named()
    {
        var bytes = SavedExample();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), IdentityGraph.SnapshotVersion + 1);
        var graph = Existing();

        var error = Assert.Throws<InvalidDataException>(() => graph.Load(new MemoryStream(bytes)));

        Assert.Contains($"version is {IdentityGraph.SnapshotVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reads versions 1 and {IdentityGraph.SnapshotVersion}", error.Message, StringComparison.Ordinal);
        AssertUnchanged(graph);
    }

    [Fact]
    public void Something_that_is_not_a_snapshot_is_refused()
    {
        var graph = Existing();
        var error = Assert.Throws<InvalidDataException>(() => graph.Load(new MemoryStream("{\"persons\": []}"u8.ToArray())));
        Assert.Contains("not an identity graph snapshot", error.Message, StringComparison.Ordinal);
        AssertUnchanged(graph);
    }

    [Fact]
    public void Every_single_flipped_byte_after_the_header_is_caught()
    {
        var bytes = SavedExample();
        var graph = Existing();
        for (var at = 12; at < bytes.Length; at++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[at] ^= 0x20;
            Assert.Throws<InvalidDataException>(() => graph.Load(new MemoryStream(corrupt)));
        }

        AssertUnchanged(graph);
    }

    [Fact]
    public void A_null_stream_is_an_argument_error()
    {
        var graph = Existing();
        Assert.Throws<ArgumentNullException>(() => graph.Load(null!));
        Assert.Throws<ArgumentNullException>(() => graph.Save(null!));
    }
}
