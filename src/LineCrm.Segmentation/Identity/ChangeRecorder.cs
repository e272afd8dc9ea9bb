using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// What an <see cref="IdentityGraphJournal"/> attaches to its graph: the accepted calls since the last save, in order,
/// and the time of each refusal they made (the one input of a call that is not its arguments). In replay mode it records
/// nothing and hands the recorded refusal times back in order, so a replayed refusal carries its original time.
/// </summary>
/// <remarks>
/// The graph calls it from its single writer, so it needs no locks; a save takes what is pending synchronously, before
/// it awaits the store, and writes after that point go on accumulating behind it.
/// </remarks>
internal sealed class ChangeRecorder
{
    private readonly List<GraphChange> _changes = [];
    private readonly List<DateTimeOffset> _refusalTimes = [];
    private readonly Queue<DateTimeOffset>? _replayTimes;

    /// <summary>A recorder for a graph whose calls are to be saved.</summary>
    public ChangeRecorder()
    {
    }

    /// <summary>A recorder for a graph that replays recorded calls: it hands out <paramref name="refusalTimes"/> in order.</summary>
    public ChangeRecorder(IEnumerable<DateTimeOffset> refusalTimes) => _replayTimes = new Queue<DateTimeOffset>(refusalTimes);

    /// <summary>
    /// Set when the graph's contents were replaced (a <see cref="IdentityGraph.Load"/>) or were there before the
    /// journal: the calls no longer describe the difference from the stored state, so the next save is a snapshot.
    /// </summary>
    public bool NeedsSnapshot { get; set; }

    /// <summary>How many calls are pending.</summary>
    public int Count => _changes.Count;

    /// <summary>How many identifiers and links the pending calls carry.</summary>
    public long Elements { get; private set; }

    /// <summary>The recorded refusal times not yet handed out by a replay.</summary>
    public int UnusedReplayTimes => _replayTimes?.Count ?? 0;

    private bool Replaying => _replayTimes is not null;

    public void AddIdentifier(Identifier identifier) => Add(new GraphChange(GraphChangeKind.AddIdentifier, First: identifier));

    /// <param name="identifiers">The batch; copied when it is the caller's array, which the caller may change later.</param>
    /// <param name="callers">Whether <paramref name="identifiers"/> is the caller's own array.</param>
    public void AddIdentifiers(Identifier[] identifiers, bool callers)
    {
        if (!Replaying)
        {
            Add(new GraphChange(GraphChangeKind.AddIdentifiers, Identifiers: callers ? (Identifier[])identifiers.Clone() : identifiers));
        }
    }

    public void Link(IdentityLink link) => Add(new GraphChange(GraphChangeKind.Link, Link: link));

    /// <param name="links">The batch; copied when it is the caller's array. Links are immutable, so they are shared.</param>
    /// <param name="callers">Whether <paramref name="links"/> is the caller's own array.</param>
    public void AddLinks(IdentityLink[] links, bool callers)
    {
        if (!Replaying)
        {
            Add(new GraphChange(GraphChangeKind.AddLinks, Links: callers ? (IdentityLink[])links.Clone() : links));
        }
    }

    public void Unlink(Identifier first, Identifier second) => Add(new GraphChange(GraphChangeKind.Unlink, First: first, Second: second));

    public void RemoveIdentifier(Identifier identifier) => Add(new GraphChange(GraphChangeKind.RemoveIdentifier, First: identifier));

    public void Forget(PersonId person) => Add(new GraphChange(GraphChangeKind.Forget, Person: person.Value));

    public void ClearAuditLog() => Add(new GraphChange(GraphChangeKind.ClearAuditLog));

    /// <summary>
    /// The time of a refusal: from <paramref name="clock"/>, kept for the record, when recording; the next recorded
    /// time when replaying.
    /// </summary>
    /// <exception cref="InvalidDataException">A replay refused more than the recorded calls did.</exception>
    public DateTimeOffset RefusalTime(TimeProvider clock)
    {
        if (_replayTimes is not null)
        {
            return _replayTimes.TryDequeue(out var recorded)
                ? recorded
                : throw new InvalidDataException("The identity graph's change records do not match the graph they are replayed on: the replay refused more than the recorded calls did (a record saved by a graph with other rules, or for another snapshot).");
        }

        var now = clock.GetUtcNow();
        _refusalTimes.Add(now);
        return now;
    }

    /// <summary>The contents were replaced: what is pending no longer applies.</summary>
    public void Reset()
    {
        Clear(_changes.Count, _refusalTimes.Count);
        NeedsSnapshot = true;
    }

    /// <summary>How many calls and refusal times are pending.</summary>
    public (int Changes, int RefusalTimes) Counts => (_changes.Count, _refusalTimes.Count);

    /// <summary>The pending calls and refusal times, as they are now (a save's view; later calls are not in it).</summary>
    public (GraphChange[] Changes, DateTimeOffset[] RefusalTimes) Pending() => ([.. _changes], [.. _refusalTimes]);

    /// <summary>Drops the first calls and refusal times, which a save has made durable or handed on.</summary>
    public void Clear(int changes, int refusalTimes)
    {
        for (var i = 0; i < changes; i++)
        {
            Elements -= _changes[i].Elements;
        }

        _changes.RemoveRange(0, changes);
        _refusalTimes.RemoveRange(0, refusalTimes);
    }

    private void Add(GraphChange change)
    {
        if (Replaying)
        {
            return;
        }

        _changes.Add(change);
        Elements += change.Elements;
    }
}
