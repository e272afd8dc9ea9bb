namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Saves an <see cref="IdentityGraph"/> to an <see cref="IIdentityGraphStore"/> incrementally: it records the calls
/// that changed the graph (identifiers and links added, refused, unlinked, removed, persons forgotten, the audit log
/// cleared) and <see cref="SaveChangesAsync"/> writes those made since the last save as one change record, so a
/// restart after a day's links costs the day's links, not the graph. The calls are deterministic given the rules and
/// the refusal times (which the record carries), so the snapshot with its records replayed reproduces the graph
/// exactly; <see cref="SaveSnapshotAsync"/> writes a whole snapshot and drops the records it includes.
/// </summary>
/// <remarks>
/// <para>
/// <b>What is durable when.</b> A change is durable once a <see cref="SaveChangesAsync"/> or
/// <see cref="SaveSnapshotAsync"/> that began after it returns. A crash loses the changes made since the last save that
/// returned, and nothing else: each record is stored whole or not at all.
/// </para>
/// <para>
/// Saving is a write as far as the graph goes: it must not run alongside the graph's other writes (guard both with the
/// same lock, or save from the writer). Open the store with a graph of the same <see cref="IdentityGraph.Rules"/> it was
/// saved with: a record checks, as it is replayed, that it arrives at the counts it was saved with.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var graph = new IdentityGraph();
/// using var journal = await IdentityGraphJournal.OpenAsync(graph, store);   // yesterday's graph, and today's changes so far
/// graph.Link(link);
/// await journal.SaveChangesAsync();                                         // durable from here
/// </code>
/// </example>
public sealed class IdentityGraphJournal : IDisposable
{
    /// <summary>
    /// Above this many identifiers and links pending, <see cref="SaveChangesAsync"/> writes a snapshot instead of a
    /// record: a bulk load is cheaper to store, and to load, as the graph it built than as its calls.
    /// </summary>
    public const int MaxRecordElements = 2_000_000;

    private readonly IdentityGraph _graph;
    private readonly IIdentityGraphStore _store;
    private readonly ChangeRecorder _recorder = new();
    private readonly SemaphoreSlim _saving = new(1, 1);

    // A record whose append failed: it may or may not be stored, so it is sent again, byte for byte, before anything else.
    private IdentityGraphChangeRecord? _unsent;
    private bool _disposed;

    private IdentityGraphJournal(IdentityGraph graph, IIdentityGraphStore store, long sequence)
    {
        _graph = graph;
        _store = store;
        LastSequence = sequence;
    }

    /// <summary>The number of the last change record stored (or that the stored snapshot includes).</summary>
    public long LastSequence { get; private set; }

    /// <summary>How many calls were recorded since the last save.</summary>
    public int PendingChanges => _recorder.Count;

    /// <summary>
    /// Loads what <paramref name="store"/> holds into <paramref name="graph"/> (replacing its contents, as
    /// <see cref="IdentityGraph.Load"/> does: the snapshot, then each change record replayed in order) and starts
    /// recording its changes. When the store holds nothing, the graph keeps its contents and the first save writes a
    /// snapshot of them.
    /// </summary>
    /// <param name="graph">The graph, with the rules the store's graph was saved under.</param>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the read and the replay; the graph is then left as it was.</param>
    /// <returns>The journal; dispose it to stop recording.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Another journal records the graph.</exception>
    /// <exception cref="InvalidDataException">
    /// The snapshot or a change record is damaged, the records are out of order or have a gap, or a record does not
    /// replay to the counts it was saved with. The message says which; the graph is left as it was.
    /// </exception>
    public static async ValueTask<IdentityGraphJournal> OpenAsync(IdentityGraph graph, IIdentityGraphStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("The identity graph store returned nothing from ReadAsync.");
        var journal = new IdentityGraphJournal(graph, store, stored.SnapshotSequence + (stored.Changes?.Count ?? 0));
        if (stored.Snapshot is null && (stored.Changes?.Count ?? 0) == 0)
        {
            // Nothing stored yet: what the graph holds is the base, and only a snapshot can store it.
            graph.Attach(journal._recorder);
            journal._recorder.NeedsSnapshot = true;
            return journal;
        }

        var loaded = StoredGraphLoader.Load(stored, graph, cancellationToken);
        graph.Attach(journal._recorder);
        graph.ReplaceContents(loaded);
        return journal;
    }

    /// <summary>
    /// Stores the calls recorded since the last save as one change record (durable when this returns). Writes a
    /// snapshot instead when the graph's contents were replaced (<see cref="IdentityGraph.Load"/>), when the store held
    /// nothing at <see cref="OpenAsync"/>, or when more than <see cref="MaxRecordElements"/> identifiers and links are
    /// pending. Does nothing when nothing changed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write before it commits; the changes stay pending (or in the record that is sent again first).</param>
    /// <exception cref="ObjectDisposedException">The journal is disposed.</exception>
    /// <exception cref="InvalidOperationException">The store holds a record of another writer under the next number.</exception>
    public async ValueTask SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        await _saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_unsent is not null)
            {
                await _store.AppendAsync(_unsent, cancellationToken).ConfigureAwait(false);
                LastSequence = _unsent.Sequence;
                _unsent = null;
            }

            if (_recorder.NeedsSnapshot || _recorder.Elements > MaxRecordElements)
            {
                await SnapshotAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_recorder.Count == 0)
            {
                return;
            }

            var (changes, times) = _recorder.Pending();
            var sequence = LastSequence + 1;
            var record = new IdentityGraphChangeRecord(sequence, ChangeRecordWriter.Write(sequence, changes, times, _graph.Fingerprint));
            _recorder.Clear(changes.Length, times.Length);
            _unsent = record;
            await _store.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            LastSequence = sequence;
            _unsent = null;
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>
    /// Stores a snapshot of the whole graph and drops the change records it includes, in one atomic write (durable
    /// when this returns). The snapshot is built in memory first (about its size on disk), then written.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write before it commits; the store then holds what it held.</param>
    /// <exception cref="ObjectDisposedException">The journal is disposed.</exception>
    /// <exception cref="InvalidOperationException">The store holds records of another writer past this one's.</exception>
    public async ValueTask SaveSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await _saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _saving.Release();
        }
    }

    private async ValueTask SnapshotAsync(CancellationToken cancellationToken)
    {
        var (changes, times) = _recorder.Counts;
        var chunks = new SnapshotChunkWriter();
        _graph.Save(chunks);
        var snapshot = chunks.ToChunks();
        _graph.CompactFrom(snapshot);

        // At or above every number the store may hold: a record whose append failed may have been stored after all.
        var sequence = _unsent?.Sequence ?? LastSequence;
        await _store.ReplaceSnapshotAsync(sequence, snapshot, cancellationToken).ConfigureAwait(false);
        _recorder.Clear(changes, times);
        _recorder.NeedsSnapshot = false;
        _unsent = null;
        LastSequence = sequence;
    }

    /// <summary>Stops recording the graph's changes; those not saved are not saved.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _graph.Detach(_recorder);
            _saving.Dispose();
        }
    }
}
