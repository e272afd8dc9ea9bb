using System.Collections;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using LineCrm.Segmentation.Members.Files;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// A set of persons by their ids, tied to no table: what to keep of a segment's members from one day to compare
/// with the next day's (<see cref="MemberSet.ToPersonSet"/>, <see cref="Diff"/>), to save, or to send to a store.
/// Immutable; enumerates in ascending id order.
/// </summary>
/// <remarks>
/// A <see cref="MemberSet"/> is tied to the table it was evaluated over (it is a bit per row), so sets from two
/// tables (yesterday's file, today's) cannot be compared directly; their person sets can. Persons the identity graph
/// merged in between carry the absorbed id in the older set: <see cref="FollowMerges"/> brings it up to date.
/// </remarks>
public sealed class PersonSet : IReadOnlyCollection<PersonId>
{
    private const string What = "person set file";

    private readonly long[] _ids;

    private PersonSet(long[] sortedDistinctIds) => _ids = sortedDistinctIds;

    /// <summary>The empty set.</summary>
    public static PersonSet Empty { get; } = new([]);

    /// <summary>The format version <see cref="Save"/> writes.</summary>
    public static int FileFormatVersion => 1;

    private static ReadOnlySpan<byte> Magic => "LCPERSET"u8;

    /// <summary>How many persons the set holds.</summary>
    public int Count => _ids.Length;

    /// <summary>A set of <paramref name="persons"/>; repeats count once.</summary>
    /// <exception cref="ArgumentException">A person is <c>default(PersonId)</c>.</exception>
    public static PersonSet Create(IEnumerable<PersonId> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var ids = new List<long>();
        foreach (var person in persons)
        {
            if (person.IsDefault)
            {
                throw new ArgumentException($"persons[{ids.Count}] is default(PersonId), which is nobody.", nameof(persons));
            }

            ids.Add(person.Value);
        }

        return FromIds(ids);
    }

    /// <summary>Whether <paramref name="person"/> is in the set.</summary>
    public bool Contains(PersonId person) => Array.BinarySearch(_ids, person.Value) >= 0;

    /// <summary>Who joined and who left since <paramref name="previous"/>.</summary>
    public PersonSetDiff Diff(PersonSet previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var added = new List<long>();
        var removed = new List<long>();
        int i = 0, j = 0;
        while (i < _ids.Length || j < previous._ids.Length)
        {
            if (j == previous._ids.Length || (i < _ids.Length && _ids[i] < previous._ids[j]))
            {
                added.Add(_ids[i++]);
            }
            else if (i == _ids.Length || previous._ids[j] < _ids[i])
            {
                removed.Add(previous._ids[j++]);
            }
            else
            {
                i++;
                j++;
            }
        }

        return new PersonSetDiff(new PersonSet([.. added]), new PersonSet([.. removed]));
    }

    /// <summary>
    /// The set with every person the graph merged away replaced by the person it became part of, following the
    /// merges in the order given (as the graph reported them through <see cref="IdentityGraph.PersonsMerged"/>).
    /// </summary>
    public PersonSet FollowMerges(IEnumerable<PersonMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        var survivorOf = new Dictionary<long, long>();
        foreach (var merge in merges)
        {
            survivorOf[merge.Absorbed.Value] = merge.Surviving.Value;
        }

        if (survivorOf.Count == 0)
        {
            return this;
        }

        var ids = new List<long>(_ids.Length);
        foreach (var id in _ids)
        {
            var current = id;

            // A chain (A into B, later B into C) is followed to its end; the bound stops a cycle a caller made up.
            for (var step = 0; step <= survivorOf.Count && survivorOf.TryGetValue(current, out var next); step++)
            {
                current = next;
            }

            ids.Add(current);
        }

        return FromIds(ids);
    }

    /// <summary>
    /// Writes the set: the magic bytes <c>LCPERSET</c>, the format version and the ids as one section framed by its
    /// length and checked by an XxHash3, as the member table's file is.
    /// </summary>
    /// <param name="destination">A writable stream, left open.</param>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new ColumnFileWriter(destination, Magic, FileFormatVersion);
        writer.WriteColumn<long>(1, _ids);
        writer.Complete();
    }

    /// <summary>Reads a set <see cref="Save"/> wrote.</summary>
    /// <param name="source">A readable stream at the start of the file; it is read to its end.</param>
    /// <exception cref="InvalidDataException">The stream is not a person set file, is of a later version, is
    /// truncated, does not match its hash, or holds ids that are not positive and ascending.</exception>
    public static PersonSet Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = ColumnFileReader.Open(source, Magic, What, FileFormatVersion);

        var ids = reader.ReadColumn<long>(1, "person ids");
        reader.ReadEnd();
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] <= 0 || (i > 0 && ids[i] <= ids[i - 1]))
            {
                throw ColumnFile.Inconsistent(What, $"id {i} is {ids[i]}, which is not positive and greater than the one before");
            }
        }

        return new PersonSet(ids);
    }

    /// <inheritdoc/>
    public IEnumerator<PersonId> GetEnumerator()
    {
        foreach (var id in _ids)
        {
            yield return new PersonId(id);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static PersonSet FromIds(List<long> ids)
    {
        ids.Sort();
        var distinct = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (i == 0 || ids[i] != ids[distinct - 1])
            {
                ids[distinct++] = ids[i];
            }
        }

        return new PersonSet([.. ids.GetRange(0, distinct)]);
    }
}
