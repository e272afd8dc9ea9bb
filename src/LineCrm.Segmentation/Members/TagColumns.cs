namespace LineCrm.Segmentation.Members;

/// <summary>
/// Tags as one bit column per tag: "is this person tagged vip" is one bit, and a segment that tests a tag
/// works a word (64 persons) at a time.
/// </summary>
internal sealed class TagColumns
{
    private readonly List<ulong[]> _columns = [];

    /// <summary>The tag names; a tag's id is its column.</summary>
    public StringPool Names { get; } = new();

    /// <summary>The bit column of tag <paramref name="tagId"/>; may be shorter than the row count (missing words are 0).</summary>
    public ulong[] Column(int tagId) => _columns[tagId];

    public void Set(int row, string tag, bool value)
    {
        var id = value ? Names.Intern(tag) : Names.Find(tag);
        if (id == StringPool.None)
        {
            return;
        }

        while (_columns.Count <= id)
        {
            _columns.Add([]);
        }

        var column = _columns[id];
        Bits.Set(ref column, row, value);
        _columns[id] = column;
    }

    /// <summary>Loads an empty instance: the names were loaded into <see cref="Names"/>, one bit column each.</summary>
    public void Load(IEnumerable<ulong[]> columns)
    {
        if (_columns.Count != 0)
        {
            throw new InvalidOperationException("Only empty tags can be loaded.");
        }

        _columns.AddRange(columns);
    }

    /// <summary>Removes every tag of a row (a person forgotten).</summary>
    public void Clear(int row)
    {
        for (var id = 0; id < _columns.Count; id++)
        {
            var column = _columns[id];
            Bits.Set(ref column, row, false);
            _columns[id] = column;
        }
    }

    public bool Has(int row, int tagId) => Bits.Get(_columns[tagId], row);

    /// <summary>The tags of <paramref name="row"/>, in the order tags were first used.</summary>
    public List<string> Of(int row)
    {
        var tags = new List<string>();
        for (var id = 0; id < _columns.Count; id++)
        {
            if (Bits.Get(_columns[id], row))
            {
                tags.Add(Names[id]);
            }
        }

        return tags;
    }

    /// <summary>Adds <paramref name="from"/>'s tags to <paramref name="to"/> and clears them on <paramref name="from"/>.</summary>
    public void MoveAll(int from, int to)
    {
        for (var id = 0; id < _columns.Count; id++)
        {
            var column = _columns[id];
            if (Bits.Get(column, from))
            {
                Bits.Set(ref column, to, true);
                Bits.Set(ref column, from, false);
                _columns[id] = column;
            }
        }
    }
}
