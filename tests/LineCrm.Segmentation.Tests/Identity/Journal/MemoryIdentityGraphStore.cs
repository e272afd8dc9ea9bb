using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity.Journal;

/// <summary>
/// An <see cref="IIdentityGraphStore"/> in memory, for the journal's own tests: it keeps the contract's sequence rules,
/// copies what it is given (so a test that damages its lists damages only the store), and lets a test reach its records.
/// The engines' stores are tested against the same contract in LineCrm.Stores.Tests.
/// </summary>
internal sealed class MemoryIdentityGraphStore : IIdentityGraphStore
{
    public long SnapshotSequence { get; set; }

    public List<byte[]>? Snapshot { get; set; }

    public List<IdentityGraphChangeRecord> Changes { get; } = [];

    public int Appends { get; private set; }

    public int Snapshots { get; private set; }

    private long Highest => Changes.Count == 0 ? SnapshotSequence : Changes[^1].Sequence;

    public ValueTask<StoredIdentityGraph> ReadAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new StoredIdentityGraph(
            SnapshotSequence,
            Snapshot?.Select(chunk => (ReadOnlyMemory<byte>)chunk.ToArray()).ToList(),
            [.. Changes.Select(c => c with { Data = c.Data.ToArray() })]));

    public ValueTask AppendAsync(IdentityGraphChangeRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Sequence != Highest + 1)
        {
            throw new InvalidOperationException($"record {record.Sequence} after {Highest}");
        }

        Changes.Add(record with { Data = record.Data.ToArray() });
        Appends++;
        return ValueTask.CompletedTask;
    }

    public ValueTask ReplaceSnapshotAsync(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot, CancellationToken cancellationToken = default)
    {
        if (sequence < Highest)
        {
            throw new InvalidOperationException($"snapshot {sequence} behind {Highest}");
        }

        Snapshot = [.. snapshot.Select(chunk => chunk.ToArray())];
        SnapshotSequence = sequence;
        Changes.RemoveAll(c => c.Sequence <= sequence);
        Snapshots++;
        return ValueTask.CompletedTask;
    }
}

/// <summary>A clock that moves one second on every reading, so each refusal has a time of its own.</summary>
internal sealed class TickingClock(DateTimeOffset start) : TimeProvider
{
    private long _readings;

    public override DateTimeOffset GetUtcNow() => start.AddSeconds(_readings++);
}
