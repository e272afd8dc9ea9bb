namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Splits the rows of a table into contiguous chunks for passes that run on every core. Each chunk keeps its own
/// accumulators, merged in chunk order afterwards, so a result never depends on how the chunks were scheduled.
/// </summary>
internal readonly struct RowChunks
{
    /// <summary>Below this many rows one chunk is used: starting tasks would cost more than the pass.</summary>
    public const int ParallelFrom = 1 << 18;

    private readonly int _rows;

    private RowChunks(int rows, int count)
    {
        _rows = rows;
        Count = count;
    }

    /// <summary>The number of chunks.</summary>
    public int Count { get; }

    /// <summary>Chunks for <paramref name="rows"/> rows: four per core (so a slow chunk does not leave a core idle) when there are enough rows, else one.</summary>
    public static RowChunks For(int rows) =>
        new(rows, rows < ParallelFrom || Environment.ProcessorCount < 2 ? 1 : Environment.ProcessorCount * 4);

    /// <summary>The first row of chunk <paramref name="chunk"/>: a multiple of 64, so chunks never share a word of a bit column.</summary>
    public int From(int chunk) => chunk == 0 ? 0 : (int)((long)_rows * chunk / Count) & ~63;

    /// <summary>One past the last row of chunk <paramref name="chunk"/>.</summary>
    public int To(int chunk) => chunk == Count - 1 ? _rows : From(chunk + 1);

    /// <summary>Runs <paramref name="body"/> for every chunk, on all cores when there is more than one.</summary>
    public void Run(Action<int> body)
    {
        if (Count == 1)
        {
            body(0);
            return;
        }

        Parallel.For(0, Count, body);
    }
}
