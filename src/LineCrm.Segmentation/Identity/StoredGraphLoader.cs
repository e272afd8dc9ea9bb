namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Rebuilds a graph from what an <see cref="IIdentityGraphStore"/> holds: the snapshot, then each change record's calls
/// replayed in order, on a new graph, so the graph being loaded into is untouched until everything checked out.
/// </summary>
internal static class StoredGraphLoader
{
    /// <summary>Loads and replays <paramref name="stored"/> into a new graph with the rules and audit capacity of <paramref name="like"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The snapshot or a record is damaged, the records are out of order or have a gap, or a replay does not arrive
    /// at the counts its record was saved with (a record of another graph, or saved under other rules).
    /// </exception>
    public static IdentityGraph Load(StoredIdentityGraph stored, IdentityGraph like, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.SnapshotSequence < 0)
        {
            throw new InvalidDataException($"The identity graph store gives snapshot sequence number {stored.SnapshotSequence}; numbers start at 0.");
        }

        // A journal always stores a snapshot before its first record: records alone have lost what they follow.
        if (stored.Snapshot is null && (stored.SnapshotSequence != 0 || stored.Changes?.Count > 0))
        {
            throw new InvalidDataException(
                $"The identity graph store has no snapshot but holds {stored.Changes?.Count ?? 0} change records after one that includes the changes up to record {stored.SnapshotSequence}.");
        }

        // Every record is read and checked before anything is replayed: damage is found before work is done.
        var records = new ChangeRecord[stored.Changes?.Count ?? 0];
        var due = stored.SnapshotSequence + 1;
        for (var i = 0; i < records.Length; i++)
        {
            var change = stored.Changes![i] ?? throw new InvalidDataException($"The identity graph store gives no record at position {i} of its journal.");
            if (change.Sequence != due)
            {
                throw new InvalidDataException(
                    $"The identity graph's journal is out of order or has a gap: record {change.Sequence} is at position {i}, where record {due} was due (after the snapshot of record {stored.SnapshotSequence}).");
            }

            cancellationToken.ThrowIfCancellationRequested();
            records[i] = ChangeRecordReader.Read(change.Data.Span, change.Sequence);
            due++;
        }

        var loaded = new IdentityGraph(like.Rules) { AuditLogCapacity = like.AuditLogCapacity };
        if (stored.Snapshot is not null)
        {
            loaded.Load(new SnapshotChunkReader(stored.Snapshot));
        }

        var recorder = new ChangeRecorder(records.SelectMany(record => record.RefusalTimes));
        loaded.Attach(recorder);
        var timesLeft = recorder.UnusedReplayTimes;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var change in record.Changes)
            {
                try
                {
                    change.ReplayOn(loaded);
                }
                catch (InvalidOperationException)
                {
                    // The call failed the same way when it was made (a graph limit reached part way through a batch):
                    // it was recorded at its point of no return, and its replay stops at the same link.
                }
            }

            timesLeft -= record.RefusalTimes.Length;
            if (loaded.Fingerprint != record.After || recorder.UnusedReplayTimes != timesLeft)
            {
                throw new InvalidDataException(
                    $"The identity graph's change record {record.Sequence} does not replay to the graph it was saved from: it gives " +
                    $"{Describe(loaded.Fingerprint)} and {record.RefusalTimes.Length - (recorder.UnusedReplayTimes - timesLeft)} refusals where the record says " +
                    $"{Describe(record.After)} and {record.RefusalTimes.Length} (saved by a graph with other rules, or for another snapshot).");
            }
        }

        loaded.Detach(recorder);
        return loaded;
    }

    private static string Describe((int Identifiers, int Links, int Persons, int LastPerson) counts)
        => $"{counts.Identifiers} identifiers, {counts.Links} links, {counts.Persons} persons (last P{counts.LastPerson})";
}
