using LineCrm.Segmentation.Identity;

namespace LineCrm.Stores;

/// <summary>
/// The checks and errors of <see cref="IIdentityGraphStore"/>, made once here so every engine refuses the same calls
/// with the same exceptions and messages.
/// </summary>
internal static class IdentityGraphStoreArguments
{
    public static void ChangeRecord(IdentityGraphChangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Sequence < 1)
        {
            throw new ArgumentException($"A change record's sequence number starts at 1; this one is {record.Sequence}.", nameof(record));
        }

        if (record.Data.IsEmpty)
        {
            throw new ArgumentException($"Change record {record.Sequence} is empty.", nameof(record));
        }
    }

    public static void Snapshot(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentNullException.ThrowIfNull(snapshot);
    }

    public static InvalidOperationException RecordTaken(long sequence) =>
        new($"The identity graph store already holds another change record {sequence}: another writer saved this graph. Open the store again to continue from what it holds.");

    public static InvalidOperationException RecordOutOfTurn(long sequence, long highest) =>
        new($"The identity graph store cannot take change record {sequence}: the next number is {highest + 1}. Another writer saved this graph, or records were lost; open the store again.");

    public static InvalidOperationException SnapshotBehind(long sequence, long highest) =>
        new($"The identity graph store cannot take a snapshot that includes the changes up to record {sequence}: it holds record {highest} already (another writer is ahead).");
}
