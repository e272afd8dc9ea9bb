using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity.Journal;

/// <summary>A damaged, reordered, gapped or foreign journal is refused with <see cref="InvalidDataException"/>, and the graph opening it keeps what it held.</summary>
public sealed class JournalDamageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store with a snapshot and three change records after it (links, a refusal, an unlink, a forget).</summary>
    private static async Task<MemoryIdentityGraphStore> StoredAsync()
    {
        var store = new MemoryIdentityGraphStore();
        var graph = new IdentityGraph(IdentityRules.Default, new TickingClock(T0));
        using var journal = await IdentityGraphJournal.OpenAsync(graph, store, Ct);
        graph.Link(Link(Line(1), Web("M-1")));
        await journal.SaveChangesAsync(Ct);   // the first save is the snapshot

        graph.Link(Link(Web("M-1"), Card("C-1"), minute: 1));
        graph.Link(Link(Line(2), Card("C-1"), minute: 2));   // refused: one LINE id per person
        await journal.SaveChangesAsync(Ct);
        graph.AddLinks([Link(Card("C-2"), Card("C-3"), minute: 3, LinkSource.PointOfSale), Link(Card("C-3"), Web("M-9"), minute: 4)]);
        graph.Unlink(Web("M-1"), Card("C-1"));
        await journal.SaveChangesAsync(Ct);
        graph.Forget(graph.Resolve(Card("C-2")));
        graph.TryAddIdentifier(Card("unknown"), out _);   // refused: a blocked value
        await journal.SaveChangesAsync(Ct);
        Assert.Equal(3, store.Changes.Count);
        return store;
    }

    /// <summary>A graph with contents of its own, to show that a failed open leaves them alone.</summary>
    private static IdentityGraph Existing()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(9), Card("KEEP-ME")));
        return graph;
    }

    private static byte[] Bytes(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    private static async Task<InvalidDataException> RefusedAsync(MemoryIdentityGraphStore store)
    {
        var graph = Existing();
        var before = Bytes(graph);
        var refused = await Assert.ThrowsAsync<InvalidDataException>(async () => await IdentityGraphJournal.OpenAsync(graph, store, Ct));
        Assert.Equal(before, Bytes(graph));

        // The graph took no journal either: one can be opened over it.
        using var other = await IdentityGraphJournal.OpenAsync(graph, new MemoryIdentityGraphStore(), Ct);
        return refused;
    }

    [Fact]
    public async Task The_stored_graph_loads_as_saved()
    {
        var store = await StoredAsync();
        var graph = Existing();
        using var journal = await IdentityGraphJournal.OpenAsync(graph, store, Ct);

        Assert.False(graph.Contains(Card("KEEP-ME")));
        Assert.False(graph.Contains(Card("C-2")));
        Assert.Equal([Line(1), Web("M-1")], graph.GetIdentifiers(graph.Resolve(Line(1))));
        Assert.NotEqual(graph.Resolve(Line(1)), graph.Resolve(Card("C-1")));   // unlinked
        Assert.False(graph.Contains(Web("M-9")));   // forgotten with C-2's person
        Assert.Equal([T0.AddSeconds(0), T0.AddSeconds(1)], graph.AuditLog.Select(r => r.RefusedAt));
        Assert.Equal(3, journal.LastSequence);
    }

    [Fact]
    public async Task Every_single_flipped_byte_of_a_record_is_refused_and_the_graph_keeps_its_contents()
    {
        var store = await StoredAsync();
        var original = store.Changes[1].Data.ToArray();
        for (var i = 0; i < original.Length; i++)
        {
            var damaged = original.ToArray();
            damaged[i] ^= 0x10;
            store.Changes[1] = store.Changes[1] with { Data = damaged };
            var refused = await RefusedAsync(store);
            Assert.Contains("change record 2", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_truncation_of_a_record_is_refused()
    {
        var store = await StoredAsync();
        var original = store.Changes[0].Data.ToArray();
        for (var length = 0; length < original.Length; length++)
        {
            store.Changes[0] = store.Changes[0] with { Data = original.AsMemory(0, length) };
            var refused = await RefusedAsync(store);
            Assert.Contains("change record 1", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Records_out_of_order_are_refused()
    {
        var store = await StoredAsync();
        (store.Changes[0], store.Changes[1]) = (store.Changes[1], store.Changes[0]);

        var refused = await RefusedAsync(store);

        Assert.Contains("out of order", refused.Message, StringComparison.Ordinal);
        Assert.Contains("record 2 is at position 0, where record 1 was due", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_kept_under_another_number_is_refused()
    {
        var store = await StoredAsync();
        // Numbered in order, but the bytes are those of the record after it.
        store.Changes[0] = store.Changes[0] with { Data = store.Changes[1].Data };

        var refused = await RefusedAsync(store);

        Assert.Contains("stored as 1 was written as record 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_record_is_refused_as_a_gap()
    {
        var store = await StoredAsync();
        store.Changes.RemoveAt(1);

        var refused = await RefusedAsync(store);

        Assert.Contains("gap", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_of_another_graph_are_refused_when_they_do_not_replay_to_their_counts()
    {
        var store = await StoredAsync();

        // The other graph's records are valid and numbered alike, but were saved over another snapshot.
        var other = new MemoryIdentityGraphStore();
        var graph = new IdentityGraph(IdentityRules.Default, new TickingClock(T0));
        using (var journal = await IdentityGraphJournal.OpenAsync(graph, other, Ct))
        {
            graph.Link(Link(Line(1), Web("M-1")));
            graph.Link(Link(Line(3), Web("M-3")));
            await journal.SaveChangesAsync(Ct);
            graph.Link(Link(Web("M-1"), Card("C-1"), minute: 1));
            graph.Link(Link(Line(2), Card("C-1"), minute: 2));
            await journal.SaveChangesAsync(Ct);
        }

        store.Changes.Clear();
        store.Changes.Add(other.Changes[0]);
        var refused = await RefusedAsync(store);

        Assert.Contains("does not replay to the graph it was saved from", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_snapshot_is_refused_before_any_record_is_replayed()
    {
        var store = await StoredAsync();
        store.Snapshot![0][30] ^= 0x01;

        var refused = await RefusedAsync(store);

        Assert.Contains("snapshot", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_without_the_snapshot_they_follow_are_refused()
    {
        var store = await StoredAsync();
        store.Snapshot = null;

        var refused = await RefusedAsync(store);

        Assert.Contains("no snapshot", refused.Message, StringComparison.Ordinal);
    }
}
