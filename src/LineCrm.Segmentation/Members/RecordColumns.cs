namespace LineCrm.Segmentation.Members;

/// <summary>
/// The records of one custom list fact for every person, in flat columns (see <see cref="NestedRows"/>): a column
/// per field, grouped by storage kind. Strings are ids in the table's custom value pool plus one (0 is "").
/// </summary>
internal sealed class RecordColumns : NestedRows
{
    private long[][] _longs;
    private double[][] _doubles;
    private bool[][] _bools;
    private int[][] _strings;
    private long[][] _newLongs = [];
    private double[][] _newDoubles = [];
    private bool[][] _newBools = [];
    private int[][] _newStrings = [];

    // The element capacity: every field column has this length (a list may have no column of some kinds).
    private int _capacity;
    private int _newCapacity;

    public RecordColumns(CustomList list)
    {
        List = list;
        _longs = Empty<long>(list.LongCount);
        _doubles = Empty<double>(list.DoubleCount);
        _bools = Empty<bool>(list.BoolCount);
        _strings = Empty<int>(list.StringCount);
    }

    public CustomList List { get; }

    /// <summary>The int and timestamp field columns, by field slot.</summary>
    public long[][] Longs => _longs;

    public double[][] Doubles => _doubles;

    public bool[][] Bools => _bools;

    /// <summary>The string field columns: pool id + 1, 0 for "".</summary>
    public int[][] Strings => _strings;

    /// <summary>Reserves the slot for one more record of <paramref name="row"/>, every field at its zero, and returns its index.</summary>
    public int AddRecord(int row)
    {
        var i = Append(row);
        foreach (var field in List.Fields)
        {
            switch (field.Storage)
            {
                case FactStorage.Long:
                    _longs[field.Slot][i] = field.Field.Type == FactType.Timestamp ? MemberColumns.Never : 0;
                    break;
                case FactStorage.Double:
                    _doubles[field.Slot][i] = 0;
                    break;
                case FactStorage.Bool:
                    _bools[field.Slot][i] = false;
                    break;
                default:
                    _strings[field.Slot][i] = 0;
                    break;
            }
        }

        return i;
    }

    /// <summary>Loads an empty instance: per-row counts and the field columns packed in row order.</summary>
    public void Load(int[] counts, long[][] longs, double[][] doubles, bool[][] bools, int[][] strings)
    {
        LoadCounts(counts);
        (_longs, _doubles, _bools, _strings) = (longs, doubles, bools, strings);
        _capacity = UsedSlots;
    }

    /// <inheritdoc />
    protected override void GrowElements(int length)
    {
        if (length <= _capacity)
        {
            return;
        }

        var size = GrownSize(_capacity, length);
        Resize(_longs, size);
        Resize(_doubles, size);
        Resize(_bools, size);
        Resize(_strings, size);
        _capacity = size;
    }

    /// <inheritdoc />
    protected override void MoveElements(int from, int to, int length)
    {
        Copy(_longs, from, _longs, to, length);
        Copy(_doubles, from, _doubles, to, length);
        Copy(_bools, from, _bools, to, length);
        Copy(_strings, from, _strings, to, length);
    }

    /// <inheritdoc />
    protected override void BeginCompaction(int length)
    {
        _newLongs = Fresh<long>(_longs.Length, length);
        _newDoubles = Fresh<double>(_doubles.Length, length);
        _newBools = Fresh<bool>(_bools.Length, length);
        _newStrings = Fresh<int>(_strings.Length, length);
        _newCapacity = length;
    }

    /// <inheritdoc />
    protected override void CopyToCompacted(int from, int to, int length)
    {
        Copy(_longs, from, _newLongs, to, length);
        Copy(_doubles, from, _newDoubles, to, length);
        Copy(_bools, from, _newBools, to, length);
        Copy(_strings, from, _newStrings, to, length);
    }

    /// <inheritdoc />
    protected override void EndCompaction()
    {
        (_longs, _doubles, _bools, _strings, _capacity) = (_newLongs, _newDoubles, _newBools, _newStrings, _newCapacity);
        (_newLongs, _newDoubles, _newBools, _newStrings) = ([], [], [], []);
    }

    private static T[][] Empty<T>(int columns) => Fresh<T>(columns, 0);

    private static T[][] Fresh<T>(int columns, int length)
    {
        var result = new T[columns][];
        for (var c = 0; c < columns; c++)
        {
            result[c] = new T[length];
        }

        return result;
    }

    private static void Resize<T>(T[][] columns, int size)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            Array.Resize(ref columns[c], size);
        }
    }

    private static void Copy<T>(T[][] source, int from, T[][] target, int to, int length)
    {
        for (var c = 0; c < source.Length; c++)
        {
            Array.Copy(source[c], from, target[c], to, length);
        }
    }
}
