namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: snapshots.</remarks>
public sealed partial class IdentityGraph
{
    /// <summary>The snapshot format version this LineCrm writes; it reads this one and version 1.</summary>
    public const int SnapshotVersion = GraphSnapshot.Version;

    /// <summary>
    /// Writes the whole graph (identifiers, persons, links, the retained audit log and its dropped count) to a stream
    /// in a versioned binary format: a header with the body's length, the body, and its SHA-256. The rules and
    /// <see cref="AuditLogCapacity"/> are not written: they belong to the graph that loads it. A stream that cannot
    /// seek gets the same bytes (the body is measured first).
    /// </summary>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        GraphSnapshot.Write(_state, destination);
    }

    /// <summary>
    /// Replaces the graph's contents with a snapshot written by <see cref="Save"/>; every query then answers as it
    /// did in the saved graph. The snapshot is read and checked in full before anything is replaced: its checksum before
    /// its body is parsed, and every count in the body against the bytes that remain, so a damaged snapshot is refused
    /// without allocating what its damaged fields claim. Any stream will do; one that cannot seek is kept in memory
    /// while it is checked. A version 2 load leaves the stream at the end of its snapshot; version 1 snapshots load too.
    /// </summary>
    /// <remarks>
    /// No merge or split events are raised: stores that follow the graph should load their own snapshots taken at the
    /// same time. The audit log keeps the snapshot's most recent entries within this graph's <see cref="AuditLogCapacity"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    /// <exception cref="InvalidDataException">
    /// The stream is not a snapshot, is of an unknown version, is truncated, fails its checksum or holds
    /// inconsistent data; the message says where. The graph is left as it was.
    /// </exception>
    public void Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _state = GraphSnapshot.Read(source, _rules, _state.Audit.Capacity);
        _recorder?.Reset();
    }
}
