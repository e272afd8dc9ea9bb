namespace LineCrm.Segmentation.Members;

/// <summary>
/// The columns of a table's custom facts (<see cref="FactSchema.WithScalar"/>, <see cref="FactSchema.WithList"/>):
/// one array per scalar fact, indexed by row and grouped by storage kind, a bit per row saying whether the person
/// has a value, and a <see cref="RecordColumns"/> per list. Custom strings share one pool; columns hold id + 1, so
/// a fresh column of zeros reads as "" (unset).
/// </summary>
internal sealed class CustomFactColumns
{
    private readonly CustomScalar[] _scalars;
    private int _capacity;

    public CustomFactColumns(FactSchema schema)
    {
        Schema = schema;
        _scalars = [.. schema.Scalars];
        Longs = new long[_scalars.Count(s => s.Storage == FactStorage.Long)][];
        Doubles = new double[_scalars.Count(s => s.Storage == FactStorage.Double)][];
        Bools = new bool[_scalars.Count(s => s.Storage == FactStorage.Bool)][];
        Strings = new int[_scalars.Count(s => s.Storage == FactStorage.String)][];
        IsSet = new ulong[_scalars.Length][];
        Array.Fill(Longs, []);
        Array.Fill(Doubles, []);
        Array.Fill(Bools, []);
        Array.Fill(Strings, []);
        Array.Fill(IsSet, []);
        Lists = [.. schema.Lists.Select(l => new RecordColumns(l))];
    }

    public FactSchema Schema { get; }

    /// <summary>The int and timestamp scalar columns, by slot; a timestamp never set holds <see cref="MemberColumns.Never"/>.</summary>
    public long[][] Longs { get; }

    public double[][] Doubles { get; }

    public bool[][] Bools { get; }

    /// <summary>The string scalar columns: pool id + 1, 0 for unset.</summary>
    public int[][] Strings { get; }

    /// <summary>Per scalar fact (by <see cref="CustomScalar.Index"/>), a bit per row: whether the person has a value.</summary>
    public ulong[][] IsSet { get; }

    /// <summary>The records of each list fact, by <see cref="CustomList.Index"/>.</summary>
    public RecordColumns[] Lists { get; }

    /// <summary>Every custom string value (scalars and record fields).</summary>
    public StringPool Values { get; } = new();

    public bool IsEmpty => _scalars.Length == 0 && Lists.Length == 0;

    /// <summary>The text of a string column entry (id + 1, 0 for "").</summary>
    public string Text(int code) => code == 0 ? string.Empty : Values[code - 1];

    /// <summary>The column entry for <paramref name="value"/>: 0 for null or "", else its interned id + 1.</summary>
    public int Code(string? value) => string.IsNullOrEmpty(value) ? 0 : Values.Intern(value) + 1;

    /// <summary>Makes room for a new row <paramref name="row"/> (rows are added one at a time, in order).</summary>
    public void AddRow(int row)
    {
        if (IsEmpty)
        {
            return;
        }

        if (row >= _capacity)
        {
            Grow(Math.Max(16, row * 2));
        }

        ClearScalars(row);
        foreach (var list in Lists)
        {
            list.EnsureRows(row + 1);
        }
    }

    /// <summary>Sets or clears (<paramref name="value"/> null) the fact of <paramref name="row"/>; the value's CLR type is the fact's (long, double, bool, string, ticks as long).</summary>
    public void Set(int row, CustomScalar scalar, object? value)
    {
        Bits.Set(ref IsSet[scalar.Index], row, value is not null && value is not "");
        switch (scalar.Storage)
        {
            case FactStorage.Long:
                Longs[scalar.Slot][row] = value is long l ? l : ZeroLong(scalar.Declaration.Type);
                break;
            case FactStorage.Double:
                Doubles[scalar.Slot][row] = value is double d ? d : 0;
                break;
            case FactStorage.Bool:
                Bools[scalar.Slot][row] = value is true;
                break;
            default:
                Strings[scalar.Slot][row] = Code(value as string);
                break;
        }
    }

    /// <summary>The value of a scalar fact as the CLR value <see cref="Set"/> takes, or null when the person has none.</summary>
    public object? Get(int row, CustomScalar scalar)
    {
        if (!Bits.Get(IsSet[scalar.Index], row))
        {
            return null;
        }

        return scalar.Storage switch
        {
            FactStorage.Long => Longs[scalar.Slot][row],
            FactStorage.Double => Doubles[scalar.Slot][row],
            FactStorage.Bool => Bools[scalar.Slot][row],
            _ => Text(Strings[scalar.Slot][row]),
        };
    }

    /// <summary>Clears every custom fact of a row (a person forgotten).</summary>
    public void ClearRow(int row)
    {
        if (IsEmpty)
        {
            return;
        }

        ClearScalars(row);
        foreach (var list in Lists)
        {
            list.Clear(row);
        }
    }

    /// <summary>Follows a merge: records move to <paramref name="to"/>; a scalar <paramref name="to"/> lacks is taken from <paramref name="from"/>.</summary>
    public void MoveAll(int from, int to)
    {
        foreach (var scalar in _scalars)
        {
            if (Get(from, scalar) is { } value && Get(to, scalar) is null)
            {
                Set(to, scalar, value);
            }
        }

        ClearScalars(from);
        foreach (var list in Lists)
        {
            list.MoveAll(from, to);
        }
    }

    /// <summary>Packs the records of every list in row order.</summary>
    public void Compact()
    {
        foreach (var list in Lists)
        {
            list.Compact();
        }
    }

    /// <summary>Replaces the scalar columns of an empty instance with loaded ones of <paramref name="rows"/> rows.</summary>
    public void LoadScalars(int rows, long[][] longs, double[][] doubles, bool[][] bools, int[][] strings, ulong[][] isSet)
    {
        Array.Copy(longs, Longs, Longs.Length);
        Array.Copy(doubles, Doubles, Doubles.Length);
        Array.Copy(bools, Bools, Bools.Length);
        Array.Copy(strings, Strings, Strings.Length);
        Array.Copy(isSet, IsSet, IsSet.Length);
        _capacity = rows;
    }

    private static long ZeroLong(FactType type) => type == FactType.Timestamp ? MemberColumns.Never : 0;

    private void ClearScalars(int row)
    {
        foreach (var scalar in _scalars)
        {
            Bits.Set(ref IsSet[scalar.Index], row, false);
            switch (scalar.Storage)
            {
                case FactStorage.Long:
                    Longs[scalar.Slot][row] = ZeroLong(scalar.Declaration.Type);
                    break;
                case FactStorage.Double:
                    Doubles[scalar.Slot][row] = 0;
                    break;
                case FactStorage.Bool:
                    Bools[scalar.Slot][row] = false;
                    break;
                default:
                    Strings[scalar.Slot][row] = 0;
                    break;
            }
        }
    }

    private void Grow(int size)
    {
        for (var c = 0; c < Longs.Length; c++)
        {
            Array.Resize(ref Longs[c], size);
        }

        for (var c = 0; c < Doubles.Length; c++)
        {
            Array.Resize(ref Doubles[c], size);
        }

        for (var c = 0; c < Bools.Length; c++)
        {
            Array.Resize(ref Bools[c], size);
        }

        for (var c = 0; c < Strings.Length; c++)
        {
            Array.Resize(ref Strings[c], size);
        }

        _capacity = size;
    }
}
