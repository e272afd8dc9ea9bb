namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Durable storage for an <see cref="IdentityGraph"/> saved through an <see cref="IdentityGraphJournal"/>: one
/// snapshot of the whole graph, and the change records saved after it, each under a sequence number one higher than
/// the last. The store keeps bytes; the journal writes and checks them. Implemented by the SQLite and PostgreSQL
/// stores (<c>AddLineCrmSqliteStores</c>, <c>AddLineCrmPostgreSqlStores</c>).
/// </summary>
/// <remarks>
/// Every write is durable when its call returns, and atomic: after a crash the store holds it whole or not at all.
/// One writer saves a graph at a time; the sequence numbers make a second writer fail rather than interleave.
/// </remarks>
public interface IIdentityGraphStore
{
    /// <summary>Reads the snapshot and every change record after it, as of one moment (a write in between is either wholly in or out).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What is stored; <see cref="StoredIdentityGraph.Snapshot"/> is null when no snapshot was ever written.</returns>
    ValueTask<StoredIdentityGraph> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a change record. Its <see cref="IdentityGraphChangeRecord.Sequence"/> must be one more than the highest
    /// number stored (the last record's, or the snapshot's when no record follows it). Storing a record that is already
    /// stored under its number with the same bytes does nothing, so a save whose answer was lost can be repeated.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call before the write commits.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record is empty, or its sequence number is below 1.</exception>
    /// <exception cref="InvalidOperationException">Its number does not follow the highest stored one, or another record with other bytes holds it (another writer saved).</exception>
    ValueTask AppendAsync(IdentityGraphChangeRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the snapshot with one that includes every change up to <paramref name="sequence"/>, and removes the
    /// change records up to that number, in one atomic write.
    /// </summary>
    /// <param name="sequence">The number of the last change record the snapshot includes (0 when none was ever saved).</param>
    /// <param name="snapshot">The snapshot's bytes in order, in chunks of any size.</param>
    /// <param name="cancellationToken">Cancels the call before the write commits.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="sequence"/> is below a number already stored (another writer is ahead).</exception>
    ValueTask ReplaceSnapshotAsync(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot, CancellationToken cancellationToken = default);
}
