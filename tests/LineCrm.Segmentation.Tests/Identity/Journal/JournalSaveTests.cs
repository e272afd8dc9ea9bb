using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity.Journal;

/// <summary>When the journal writes a record, when a snapshot instead, and what a failed save leaves.</summary>
public sealed class JournalSaveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_save_into_an_empty_store_is_a_snapshot_and_later_ones_are_records()
    {
        var store = new MemoryIdentityGraphStore();
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1")));   // made before the journal: only a snapshot can store it
        using var journal = await IdentityGraphJournal.OpenAsync(graph, store, Ct);

        await journal.SaveChangesAsync(Ct);
        graph.Link(Link(Web("M-1"), Card("C-1")));
        Assert.Equal(1, journal.PendingChanges);
        await journal.SaveChangesAsync(Ct);
        await journal.SaveChangesAsync(Ct);   // nothing pending: nothing written

        Assert.Equal((1, 1), (store.Snapshots, store.Appends));
        Assert.Equal(0, journal.PendingChanges);
        Assert.Equal(1, journal.LastSequence);
    }

    [Fact]
    public async Task Loading_a_snapshot_over_the_graph_makes_the_next_save_a_snapshot()
    {
        var store = new MemoryIdentityGraphStore();
        var graph = new IdentityGraph();
        using var journal = await IdentityGraphJournal.OpenAsync(graph, store, Ct);
        await journal.SaveChangesAsync(Ct);
        var other = new IdentityGraph();
        other.Link(Link(Line(7), Card("C-7")));
        using var snapshot = new MemoryStream();
        other.Save(snapshot);

        graph.Link(Link(Line(1), Web("M-1")));
        graph.Load(new MemoryStream(snapshot.ToArray()));
        await journal.SaveChangesAsync(Ct);

        Assert.Equal((2, 0), (store.Snapshots, store.Appends));
        var loaded = new IdentityGraph();
        using var reopened = await IdentityGraphJournal.OpenAsync(loaded, store, Ct);
        Assert.True(loaded.Contains(Card("C-7")));
        Assert.False(loaded.Contains(Web("M-1")));
    }

    [Fact]
    public async Task More_than_the_record_limit_pending_is_saved_as_a_snapshot()
    {
        var store = new MemoryIdentityGraphStore();
        var graph = new IdentityGraph(IdentityRules.None);
        using var journal = await IdentityGraphJournal.OpenAsync(graph, store, Ct);
        await journal.SaveChangesAsync(Ct);

        graph.AddIdentifiers(Enumerable.Range(0, IdentityGraphJournal.MaxRecordElements + 1).Select(Plain));
        await journal.SaveChangesAsync(Ct);

        Assert.Equal((2, 0), (store.Snapshots, store.Appends));
        Assert.Equal(0, journal.PendingChanges);
    }

    [Fact]
    public async Task A_failed_append_is_sent_again_byte_for_byte_before_newer_changes()
    {
        var store = new FailingOnceStore();
        var graph = new IdentityGraph();
        using var journal = await IdentityGraphJournal.OpenAsync(graph, store, Ct);
        await journal.SaveChangesAsync(Ct);
        graph.Link(Link(Line(1), Web("M-1")));
        store.FailNextAppend = true;
        await Assert.ThrowsAsync<IOException>(async () => await journal.SaveChangesAsync(Ct));
        var failed = store.Attempts[^1];

        graph.Link(Link(Web("M-1"), Card("C-1")));
        await journal.SaveChangesAsync(Ct);

        Assert.Equal(failed.Data.ToArray(), store.Changes[0].Data.ToArray());
        Assert.Equal([1L, 2L], store.Changes.Select(c => c.Sequence));
        var loaded = new IdentityGraph();
        using var reopened = await IdentityGraphJournal.OpenAsync(loaded, store, Ct);
        Assert.Equal(loaded.Resolve(Line(1)), loaded.Resolve(Card("C-1")));
    }

    [Fact]
    public async Task A_graph_takes_one_journal_at_a_time()
    {
        var graph = new IdentityGraph();
        var first = await IdentityGraphJournal.OpenAsync(graph, new MemoryIdentityGraphStore(), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await IdentityGraphJournal.OpenAsync(graph, new MemoryIdentityGraphStore(), Ct));
        first.Dispose();
        using var second = await IdentityGraphJournal.OpenAsync(graph, new MemoryIdentityGraphStore(), Ct);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await first.SaveChangesAsync(Ct));
    }

    /// <summary>A store whose next append fails after it was attempted, as a dropped connection would.</summary>
    private sealed class FailingOnceStore : IIdentityGraphStore
    {
        private readonly MemoryIdentityGraphStore _inner = new();

        public bool FailNextAppend { get; set; }

        public List<IdentityGraphChangeRecord> Attempts { get; } = [];

        public List<IdentityGraphChangeRecord> Changes => _inner.Changes;

        public ValueTask<StoredIdentityGraph> ReadAsync(CancellationToken cancellationToken = default) => _inner.ReadAsync(cancellationToken);

        public ValueTask AppendAsync(IdentityGraphChangeRecord record, CancellationToken cancellationToken = default)
        {
            Attempts.Add(record);
            if (FailNextAppend)
            {
                FailNextAppend = false;
                throw new IOException("connection dropped");
            }

            return _inner.AppendAsync(record, cancellationToken);
        }

        public ValueTask ReplaceSnapshotAsync(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot, CancellationToken cancellationToken = default)
            => _inner.ReplaceSnapshotAsync(sequence, snapshot, cancellationToken);
    }
}
