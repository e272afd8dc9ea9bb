namespace LineCrm.Segmentation.Members;

/// <summary>
/// The layout behind a person's purchases and interactions: one set of flat arrays for all persons, in which
/// each person owns one contiguous region (start, count, capacity). Compiled segments loop over
/// <c>start .. start + count</c> of the flat arrays.
/// </summary>
/// <remarks>
/// Appending must not rebuild the table. A region that is full moves to the end of the arrays with twice the
/// capacity (amortised constant time per element, like a growing list); the space it leaves is garbage, and
/// when garbage is more than half of the arrays everything is compacted in person order. Subclasses own the
/// element columns and say how to grow them and move elements.
/// </remarks>
internal abstract class NestedRows
{
    private const int MinRegionCapacity = 4;
    private const int MinCompactionGarbage = 4096;

    private int[] _start = [];
    private int[] _count = [];
    private int[] _capacity = [];
    private int _rows;
    private int _used;
    private int _garbage;

    /// <summary>Per row, where its region starts in the element arrays.</summary>
    public int[] Starts => _start;

    /// <summary>Per row, how many elements it has.</summary>
    public int[] Counts => _count;

    /// <summary>How many elements all rows hold together.</summary>
    public long ElementCount { get; private set; }

    /// <summary>How many element slots the arrays use, live or garbage (for tests of the compaction rule).</summary>
    public int UsedSlots => _used;

    /// <summary>Makes room for rows up to <paramref name="rows"/> (exclusive).</summary>
    public void EnsureRows(int rows)
    {
        if (rows <= _start.Length)
        {
            _rows = Math.Max(_rows, rows);
            return;
        }

        var size = Math.Max(rows, Math.Max(16, _start.Length * 2));
        Array.Resize(ref _start, size);
        Array.Resize(ref _count, size);
        Array.Resize(ref _capacity, size);
        _rows = rows;
    }

    /// <summary>Reserves the slot for one more element of <paramref name="row"/> and returns its index.</summary>
    public int Append(int row)
    {
        if (_count[row] == _capacity[row])
        {
            Relocate(row, Math.Max(MinRegionCapacity, _capacity[row] * 2));
        }

        ElementCount++;
        return _start[row] + _count[row]++;
    }

    /// <summary>Moves every element of <paramref name="from"/> to the end of <paramref name="to"/>'s region.</summary>
    public void MoveAll(int from, int to)
    {
        var moving = _count[from];
        if (moving == 0)
        {
            return;
        }

        var needed = _count[to] + moving;
        if (needed > _capacity[to])
        {
            Relocate(to, (int)Math.Max(MinRegionCapacity, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed)));
        }

        MoveElements(_start[from], _start[to] + _count[to], moving);
        _count[to] = needed;
        _garbage += _capacity[from];
        _count[from] = 0;
        _capacity[from] = 0;
        _start[from] = 0;
    }

    /// <summary>Rewrites the arrays so that every row's region is tight and rows follow each other in order.</summary>
    /// <summary>Takes loaded per-row counts of an empty instance whose elements lie packed in row order.</summary>
    protected void LoadCounts(int[] counts)
    {
        if (_rows != 0 || ElementCount != 0)
        {
            throw new InvalidOperationException("Only empty rows can be loaded.");
        }

        _start = new int[counts.Length];
        _capacity = (int[])counts.Clone();
        _count = counts;
        var next = 0;
        for (var row = 0; row < counts.Length; row++)
        {
            _start[row] = next;
            next = checked(next + counts[row]);
        }

        _rows = counts.Length;
        _used = next;
        ElementCount = next;
    }

    /// <summary>Drops every element of a row (a person forgotten); the space is reclaimed by the next compaction.</summary>
    public void Clear(int row)
    {
        ElementCount -= _count[row];
        _garbage += _capacity[row];
        _count[row] = 0;
        _capacity[row] = 0;
        _start[row] = 0;
    }

    public void Compact()
    {
        var total = checked((int)ElementCount);
        BeginCompaction(total);
        var next = 0;
        for (var row = 0; row < _rows; row++)
        {
            var n = _count[row];
            if (n > 0)
            {
                CopyToCompacted(_start[row], next, n);
            }

            _start[row] = next;
            _capacity[row] = n;
            next += n;
        }

        EndCompaction();
        _used = next;
        _garbage = 0;
    }

    /// <summary>Makes the element arrays at least <paramref name="length"/> long, keeping their contents.</summary>
    protected abstract void GrowElements(int length);

    /// <summary>Copies <paramref name="length"/> elements from <paramref name="from"/> to <paramref name="to"/> (regions do not overlap).</summary>
    protected abstract void MoveElements(int from, int to, int length);

    /// <summary>Allocates fresh element arrays of <paramref name="length"/> for a compaction.</summary>
    protected abstract void BeginCompaction(int length);

    /// <summary>Copies elements from the current arrays into the fresh ones.</summary>
    protected abstract void CopyToCompacted(int from, int to, int length);

    /// <summary>Replaces the current arrays with the fresh ones.</summary>
    protected abstract void EndCompaction();

    private void Relocate(int row, int capacity)
    {
        // Compact first when most of the arrays are garbage: the relocation below then lands on tight arrays.
        if (_garbage > MinCompactionGarbage && _garbage > _used / 2)
        {
            Compact();
        }

        var start = _used;
        var end = checked(start + capacity);
        GrowElements(end);
        if (_count[row] > 0)
        {
            MoveElements(_start[row], start, _count[row]);
        }

        _garbage += _capacity[row];
        _start[row] = start;
        _capacity[row] = capacity;
        _used = end;
    }

    /// <summary>The next array size at or above <paramref name="length"/>: doubling, so growth is amortised.</summary>
    protected static int GrownSize(int current, int length) => Math.Max(length, Math.Max(64, current * 2));
}
