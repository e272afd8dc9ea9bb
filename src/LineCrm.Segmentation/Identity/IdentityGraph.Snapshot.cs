namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: snapshots.</remarks>
public sealed partial class IdentityGraph
{
    /// <summary>The snapshot format version this LineCrm writes and reads.</summary>
    public const int SnapshotVersion = GraphSnapshot.Version;

    /// <summary>
    /// Writes the whole graph (identifiers, persons, links, audit log) to a stream in a versioned binary format that
    /// ends with a SHA-256 checksum. The rules are not written: they belong to the graph that loads it.
    /// </summary>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        GraphSnapshot.Write(_state, destination);
    }

    /// <summary>
    /// Replaces the graph's contents with a snapshot written by <see cref="Save"/>; every query then answers as it
    /// did in the saved graph. The snapshot is read and checked in full before anything is replaced.
    /// </summary>
    /// <remarks>No merge or split events are raised: stores that follow the graph should load their own snapshots taken at the same time.</remarks>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    /// <exception cref="InvalidDataException">
    /// The stream is not a snapshot, is of an unknown version, is truncated, fails its checksum or holds
    /// inconsistent data; the message says where. The graph is left as it was.
    /// </exception>
    public void Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _state = GraphSnapshot.Read(source, _rules, _state.Audit.Capacity);
    }
}
