namespace LineCrm.Segmentation.Identity;

/// <summary>What an <see cref="IIdentityGraphStore"/> holds: a snapshot and the change records saved after it.</summary>
/// <param name="SnapshotSequence">The number of the last change record the snapshot includes (0 when none).</param>
/// <param name="Snapshot">The snapshot's bytes in order, in chunks; null when no snapshot was ever written.</param>
/// <param name="Changes">The change records after the snapshot, by increasing sequence number.</param>
public sealed record StoredIdentityGraph(
    long SnapshotSequence,
    IReadOnlyList<ReadOnlyMemory<byte>>? Snapshot,
    IReadOnlyList<IdentityGraphChangeRecord> Changes);
