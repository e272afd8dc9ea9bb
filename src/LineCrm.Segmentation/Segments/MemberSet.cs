using System.Collections;
using System.Numerics;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// A set of persons of one <see cref="MemberTable"/>, one bit per table row: the result of a segment. Counting
/// and comparing two sets work a word (64 persons) at a time; persons and LINE user ids are read from the table
/// when enumerated.
/// </summary>
/// <remarks>
/// Rows never move in a member table, so two sets of one table taken at different times compare row by row
/// (<see cref="Diff"/>), which is what syncing a LINE audience needs. A person merged into another after the set
/// was taken still counts here under the absorbed id.
/// </remarks>
public sealed class MemberSet : IReadOnlyCollection<PersonId>
{
    private readonly ulong[] _bits;

    internal MemberSet(MemberTable table, int rows, ulong[] bits)
    {
        Table = table;
        Rows = rows;
        _bits = bits;
        Count = PopCount(bits);
    }

    /// <summary>The table the set belongs to.</summary>
    public MemberTable Table { get; }

    /// <summary>How many persons are in the set.</summary>
    public int Count { get; }

    /// <summary>The LINE user ids of the persons in the set that have one, in table order: the audience to send to.</summary>
    public IEnumerable<Identifier> LineUserIds
    {
        get
        {
            foreach (var row in RowsInSet())
            {
                if (Table.LineUserOf(row) is { } line)
                {
                    yield return line;
                }
            }
        }
    }

    /// <summary>How many table rows the set covers (rows appended later are outside it).</summary>
    internal int Rows { get; }

    /// <summary>Whether <paramref name="person"/> is in the set.</summary>
    /// <param name="person">The person.</param>
    public bool Contains(PersonId person)
    {
        var row = Table.RowOf(person);
        return row >= 0 && row < Rows && Bits.Get(_bits, row);
    }

    /// <summary>The set's persons by id, tied to no table: to keep, save and compare with sets of other days or tables.</summary>
    public PersonSet ToPersonSet()
    {
        var ids = new List<long>(Count);
        foreach (var row in RowsInSet())
        {
            ids.Add(Table.Columns.PersonIds[row]);
        }

        return PersonSet.FromIds(ids);
    }

    /// <summary>What changed from <paramref name="previous"/> (an earlier set of the same table) to this set.</summary>
    /// <param name="previous">The earlier set, for example the last evaluation synced to a LINE audience.</param>
    /// <returns>The persons added and removed.</returns>
    /// <exception cref="ArgumentException">The sets belong to different tables.</exception>
    public MemberSetDiff Diff(MemberSet previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (!ReferenceEquals(previous.Table, Table))
        {
            throw new ArgumentException("Only sets of the same member table can be compared.", nameof(previous));
        }

        var rows = Math.Max(Rows, previous.Rows);
        var words = Bits.WordsFor(rows);
        var added = new ulong[words];
        var removed = new ulong[words];
        for (var w = 0; w < words; w++)
        {
            var now = w < _bits.Length ? _bits[w] : 0;
            var before = w < previous._bits.Length ? previous._bits[w] : 0;
            added[w] = now & ~before;
            removed[w] = before & ~now;
        }

        return new MemberSetDiff(new MemberSet(Table, rows, added), new MemberSet(Table, rows, removed));
    }

    /// <summary>The persons in the set, in table order (the order persons were first seen).</summary>
    public IEnumerator<PersonId> GetEnumerator()
    {
        foreach (var row in RowsInSet())
        {
            yield return new PersonId(Table.Columns.PersonIds[row]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal IEnumerable<int> RowsInSet()
    {
        for (var w = 0; w < _bits.Length; w++)
        {
            var word = _bits[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                yield return (w << 6) + bit;
            }
        }
    }

    private static int PopCount(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }
}
