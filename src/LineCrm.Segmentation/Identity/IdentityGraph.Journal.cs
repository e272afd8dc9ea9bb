namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: the hooks of an <see cref="IdentityGraphJournal"/>, which records the accepted calls.</remarks>
public sealed partial class IdentityGraph
{
    // Null unless a journal is attached (or a replay runs): a graph nobody saves records nothing and keeps no copies.
    private ChangeRecorder? _recorder;

    /// <summary>Attaches the recorder of a journal (or of a replay); a graph has at most one.</summary>
    /// <exception cref="InvalidOperationException">Another journal is attached.</exception>
    internal void Attach(ChangeRecorder recorder)
    {
        if (_recorder is not null)
        {
            throw new InvalidOperationException("An identity graph is saved through one IdentityGraphJournal at a time; dispose the other one first.");
        }

        _recorder = recorder;
    }

    /// <summary>Detaches <paramref name="recorder"/> when it is the one attached.</summary>
    internal void Detach(ChangeRecorder recorder)
    {
        if (ReferenceEquals(_recorder, recorder))
        {
            _recorder = null;
        }
    }

    /// <summary>Takes over the contents of <paramref name="loaded"/> (a graph that loaded and replayed the stored state), as <see cref="Load"/> does.</summary>
    internal void ReplaceContents(IdentityGraph loaded) => _state = loaded._state;

    /// <summary>
    /// Replaces the contents with the snapshot just saved from them, when removed links left free slots that later links
    /// would reuse: a graph loaded from that snapshot has none, so the two would store later links in different orders
    /// and their snapshots would differ (their answers never do). Afterwards this graph is what a restart loads.
    /// </summary>
    internal void CompactFrom(IReadOnlyList<ReadOnlyMemory<byte>> savedSnapshot)
    {
        if (_state.LinkSlots != _state.LinkCount)
        {
            _state = GraphSnapshot.Read(new SnapshotChunkReader(savedSnapshot), _rules, _state.Audit.Capacity);
        }
    }

    /// <summary>What a change record checks after its calls are replayed, so a record replayed on the wrong state is noticed.</summary>
    internal (int Identifiers, int Links, int Persons, int LastPerson) Fingerprint
        => (_state.IdentifierCount, _state.LinkCount, _state.PersonCount, _state.LastPerson);

    /// <summary>The time of a refusal: the clock's, or the recorded one in a replay.</summary>
    private DateTimeOffset RefusalTime() => _recorder is null ? _time.GetUtcNow() : _recorder.RefusalTime(_time);
}
