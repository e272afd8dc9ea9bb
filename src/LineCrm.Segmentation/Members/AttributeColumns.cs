namespace LineCrm.Segmentation.Members;

/// <summary>
/// Custom string attributes (plan = gold, prefecture = osaka) as one column per key of interned value ids,
/// where 0 means "not set" and id + 1 otherwise, so a fresh column of zeros is a column of unset values.
/// </summary>
internal sealed class AttributeColumns
{
    private readonly List<int[]> _columns = [];

    /// <summary>The attribute keys; a key's id is its column.</summary>
    public StringPool Keys { get; } = new();

    /// <summary>The attribute values of every key.</summary>
    public StringPool Values { get; } = new();

    /// <summary>The column of key <paramref name="keyId"/>: value id + 1 per row, 0 when unset; may be shorter than the row count.</summary>
    public int[] Column(int keyId) => _columns[keyId];

    public void Set(int row, string key, string? value)
    {
        var keyId = value is null ? Keys.Find(key) : Keys.Intern(key);
        if (keyId == StringPool.None)
        {
            return;
        }

        while (_columns.Count <= keyId)
        {
            _columns.Add([]);
        }

        var column = _columns[keyId];
        if (row >= column.Length)
        {
            if (value is null)
            {
                return;
            }

            Array.Resize(ref column, Math.Max(row + 1, column.Length * 2));
            _columns[keyId] = column;
        }

        column[row] = value is null ? 0 : Values.Intern(value) + 1;
    }

    /// <summary>
    /// Loads an empty instance whose keys and values were loaded into <see cref="Keys"/> and <see cref="Values"/>:
    /// entry i gives <paramref name="rows"/>[i] the value <paramref name="valueIds"/>[i] for <paramref name="keyIds"/>[i].
    /// </summary>
    public void Load(int rowCount, int[] rows, int[] keyIds, int[] valueIds)
    {
        if (_columns.Count != 0)
        {
            throw new InvalidOperationException("Only empty attributes can be loaded.");
        }

        for (var key = 0; key < Keys.Count; key++)
        {
            _columns.Add(new int[rowCount]);
        }

        for (var i = 0; i < rows.Length; i++)
        {
            _columns[keyIds[i]][rows[i]] = valueIds[i] + 1;
        }
    }

    /// <summary>Removes every attribute of a row (a person forgotten).</summary>
    public void Clear(int row)
    {
        foreach (var column in _columns)
        {
            if (row < column.Length)
            {
                column[row] = 0;
            }
        }
    }

    public string? Get(int row, int keyId)
    {
        var column = _columns[keyId];
        return row < column.Length && column[row] != 0 ? Values[column[row] - 1] : null;
    }

    /// <summary>The attributes of <paramref name="row"/>, by key.</summary>
    public Dictionary<string, string> Of(int row)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var keyId = 0; keyId < _columns.Count; keyId++)
        {
            if (Get(row, keyId) is { } value)
            {
                attributes[Keys[keyId]] = value;
            }
        }

        return attributes;
    }

    /// <summary>Copies <paramref name="from"/>'s attributes to <paramref name="to"/> where <paramref name="to"/> has none, then clears <paramref name="from"/>.</summary>
    public void MoveAll(int from, int to)
    {
        for (var keyId = 0; keyId < _columns.Count; keyId++)
        {
            if (Get(from, keyId) is not { } value)
            {
                continue;
            }

            if (Get(to, keyId) is null)
            {
                Set(to, Keys[keyId], value);
            }

            Set(from, Keys[keyId], null);
        }
    }
}
