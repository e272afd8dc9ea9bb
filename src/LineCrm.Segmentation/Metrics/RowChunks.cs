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
    private readonly Parallelism _parallelism;

    private RowChunks(int rows, int count, Parallelism parallelism)
    {
        _rows = rows;
        Count = count;
        _parallelism = parallelism;
    }

    /// <summary>The number of chunks.</summary>
    public int Count { get; }

    /// <summary>The cores the chunks may run on, and the token checked between chunks.</summary>
    public Parallelism Parallelism => _parallelism;

    /// <summary>
    /// Chunks for <paramref name="rows"/> rows: four per core (so a slow chunk does not leave a core idle) when there
    /// are enough rows, else one. How many does not depend on <paramref name="parallelism"/>, which only decides
    /// how many of them run at once, so a result is the same at every degree of parallelism.
    /// </summary>
    public static RowChunks For(int rows, Parallelism parallelism) =>
        new(rows, rows < ParallelFrom || Environment.ProcessorCount < 2 ? 1 : Environment.ProcessorCount * 4, parallelism);

    /// <summary>The first row of chunk <paramref name="chunk"/>: a multiple of 64, so chunks never share a word of a bit column.</summary>
    public int From(int chunk) => chunk == 0 ? 0 : (int)((long)_rows * chunk / Count) & ~63;

    /// <summary>One past the last row of chunk <paramref name="chunk"/>.</summary>
    public int To(int chunk) => chunk == Count - 1 ? _rows : From(chunk + 1);

    /// <summary>Runs <paramref name="body"/> for every chunk, on the cores allowed when there is more than one, checking for cancellation between chunks.</summary>
    public void Run(Action<int> body) => _parallelism.For(Count, body);
}
