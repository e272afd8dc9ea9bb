using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Stores.Tests.Conformance;

/// <summary>
/// What every <see cref="IIdentityGraphStore"/> engine must do: its contract bullet by bullet, and an identity graph
/// saved through <see cref="IdentityGraphJournal"/> (a snapshot, then change records) that a restarted process loads
/// exactly as of its last save.
/// </summary>
public abstract class IdentityGraphStoreConformance(StoreHarness harness) : StoreConformance(harness)
{
    private IIdentityGraphStore Graphs => Stores.IdentityGraph;

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed))];

    private static IdentityGraphChangeRecord Record(long sequence, int seed = 0) => new(sequence, Bytes(40 + seed, seed));

    private static string Describe(StoredIdentityGraph stored) =>
        $"{stored.SnapshotSequence}|{(stored.Snapshot is null ? "none" : Convert.ToHexString([.. stored.Snapshot.SelectMany(c => c.ToArray())]))}|" +
        string.Join(",", stored.Changes.Select(c => $"{c.Sequence}:{Convert.ToHexString(c.Data.Span)}"));

    private static Identifier Line(int n) => Identifier.LineUser($"U{n + 0x1000:x32}");

    private static IdentityLink Link(Identifier from, Identifier to, int minute) => new(from, to, T0.AddMinutes(minute), LinkSource.PointOfSale);

    private static byte[] Snapshot(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_new_store_holds_nothing()
    {
        var stored = await Graphs.ReadAsync(Ct);

        Assert.Equal(0, stored.SnapshotSequence);
        Assert.Null(stored.Snapshot);
        Assert.Empty(stored.Changes);
    }

    [Fact]
    public async Task Records_and_a_snapshot_read_back_as_written_after_a_restart()
    {
        await Graphs.AppendAsync(Record(1, seed: 1), Ct);
        await Graphs.AppendAsync(Record(2, seed: 2), Ct);
        await Graphs.ReplaceSnapshotAsync(2, [Bytes(5, 7), Bytes(0, 0), Bytes(3_000_000, 9)], Ct);
        await Graphs.AppendAsync(Record(3, seed: 3), Ct);

        await ReopenAsync();
        var stored = await Graphs.ReadAsync(Ct);

        Assert.Equal(2, stored.SnapshotSequence);
        Assert.Equal([.. Bytes(5, 7), .. Bytes(3_000_000, 9)], stored.Snapshot!.SelectMany(c => c.ToArray()));
        var record = Assert.Single(stored.Changes);
        Assert.Equal(3, record.Sequence);
        Assert.Equal(Record(3, seed: 3).Data.ToArray(), record.Data.ToArray());
    }

    [Fact]
    public async Task A_snapshot_removes_the_records_it_includes_and_keeps_none_of_the_one_before()
    {
        await Graphs.ReplaceSnapshotAsync(0, [Bytes(10, 1)], Ct);
        for (var i = 1; i <= 4; i++)
        {
            await Graphs.AppendAsync(Record(i, seed: i), Ct);
        }

        await Graphs.ReplaceSnapshotAsync(4, [Bytes(6, 2)], Ct);
        var stored = await Graphs.ReadAsync(Ct);

        Assert.Equal(4, stored.SnapshotSequence);
        Assert.Equal(Bytes(6, 2), stored.Snapshot!.SelectMany(c => c.ToArray()));
        Assert.Empty(stored.Changes);
    }

    [Fact]
    public async Task A_snapshot_may_be_numbered_past_the_records_stored()
    {
        // A record whose append failed may or may not be stored; the journal numbers its snapshot after it either way.
        await Graphs.AppendAsync(Record(1), Ct);
        await Graphs.ReplaceSnapshotAsync(2, [Bytes(3, 3)], Ct);
        await Graphs.AppendAsync(Record(3), Ct);

        var stored = await Graphs.ReadAsync(Ct);
        Assert.Equal(2, stored.SnapshotSequence);
        Assert.Equal([3L], stored.Changes.Select(c => c.Sequence));
    }

    [Fact]
    public async Task A_record_must_follow_the_highest_number_stored()
    {
        await Graphs.AppendAsync(Record(1), Ct);

        var gap = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Graphs.AppendAsync(Record(3), Ct));
        Assert.Contains("the next number is 2", gap.Message, StringComparison.Ordinal);

        await Graphs.ReplaceSnapshotAsync(5, [Bytes(1, 1)], Ct);
        var behind = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Graphs.AppendAsync(Record(2), Ct));
        Assert.Contains("the next number is 6", behind.Message, StringComparison.Ordinal);
        await Graphs.AppendAsync(Record(6), Ct);
        Assert.Equal([6L], (await Graphs.ReadAsync(Ct)).Changes.Select(c => c.Sequence));
    }

    [Fact]
    public async Task Repeating_a_stored_record_does_nothing_and_another_record_under_its_number_is_refused()
    {
        await Graphs.AppendAsync(Record(1, seed: 1), Ct);
        await Graphs.AppendAsync(Record(1, seed: 1), Ct);

        var other = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Graphs.AppendAsync(Record(1, seed: 2), Ct));
        Assert.Contains("another writer", other.Message, StringComparison.Ordinal);

        var stored = await Graphs.ReadAsync(Ct);
        Assert.Equal(Record(1, seed: 1).Data.ToArray(), Assert.Single(stored.Changes).Data.ToArray());
    }

    [Fact]
    public async Task A_snapshot_behind_a_stored_record_is_refused_and_changes_nothing()
    {
        await Graphs.ReplaceSnapshotAsync(0, [Bytes(4, 4)], Ct);
        await Graphs.AppendAsync(Record(1), Ct);
        await Graphs.AppendAsync(Record(2), Ct);
        var before = Describe(await Graphs.ReadAsync(Ct));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Graphs.ReplaceSnapshotAsync(1, [Bytes(9, 9)], Ct));

        Assert.Contains("holds record 2", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Describe(await Graphs.ReadAsync(Ct)));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Graphs.AppendAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Graphs.AppendAsync(Record(0), Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Graphs.AppendAsync(new IdentityGraphChangeRecord(1, ReadOnlyMemory<byte>.Empty), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Graphs.ReplaceSnapshotAsync(-1, [Bytes(1, 1)], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Graphs.ReplaceSnapshotAsync(0, null!, Ct));

        Assert.Equal("0|none|", Describe(await Graphs.ReadAsync(Ct)));
    }

    [Fact]
    public async Task A_graph_saved_through_the_journal_loads_in_a_restarted_process_as_of_its_last_save()
    {
        var graph = new IdentityGraph(IdentityRules.Default, Time);
        var journal = await IdentityGraphJournal.OpenAsync(graph, Graphs, Ct);
        graph.AddLinks([.. Enumerable.Range(0, 200).Select(i => Link(Line(i), Identifier.StoreCard($"C-{i}"), minute: i % 7))], null, Ct);
        await journal.SaveChangesAsync(Ct);   // the first save: a snapshot

        graph.Link(Link(Identifier.StoreCard("C-1"), Identifier.WebMember("M-1"), minute: 1));
        graph.Link(Link(Line(500), Identifier.StoreCard("C-1"), minute: 2));   // refused: one LINE id per person
        Time.Advance(TimeSpan.FromSeconds(1));
        graph.Unlink(Line(2), Identifier.StoreCard("C-2"));
        await journal.SaveChangesAsync(Ct);
        graph.Forget(graph.Resolve(Line(3)));
        graph.TryAddIdentifier(Identifier.StoreCard("unknown"), out _);   // refused: a blocked value
        await journal.SaveChangesAsync(Ct);
        var saved = Snapshot(graph);

        // Lost with the process: never saved.
        graph.Link(Link(Line(900), Identifier.WebMember("M-900"), minute: 3));
        journal.Dispose();

        await ReopenAsync();
        var stored = await Graphs.ReadAsync(Ct);
        Assert.Equal(0, stored.SnapshotSequence);
        Assert.Equal([1L, 2L], stored.Changes.Select(c => c.Sequence));

        var loaded = new IdentityGraph(IdentityRules.Default, Time);
        using var reopened = await IdentityGraphJournal.OpenAsync(loaded, Graphs, Ct);
        Assert.Equal(saved, Snapshot(loaded));
        Assert.False(loaded.Contains(Line(900)));
        Assert.Equal(2, loaded.AuditLog.Count);

        // And it goes on from there: a snapshot folds the records in.
        loaded.Link(Link(Line(900), Identifier.WebMember("M-900"), minute: 3));
        await reopened.SaveSnapshotAsync(Ct);
        var folded = await Graphs.ReadAsync(Ct);
        Assert.Equal(2, folded.SnapshotSequence);
        Assert.Empty(folded.Changes);
        Assert.Equal(Snapshot(loaded), folded.Snapshot!.SelectMany(c => c.ToArray()));
    }
}
