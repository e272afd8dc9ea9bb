using BenchmarkDotNet.Attributes;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// What this machine allows, measured in the same run as the identity graph: reads at random positions of an
/// array as large as the graph's columns. A dependent read (the next position comes from the value just read)
/// costs one full memory latency, which bounds from below any lookup that must follow even one pointer or table
/// slot the caches do not hold. Independent reads let the processor overlap their misses: the bound for batches.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class MemoryLatencyBenchmarks
{
    private const int Reads = 1_000_000;

    private int[] _next = null!;
    private int[] _positions = null!;

    /// <summary>The array's size in MiB: 8 (within the shared L3 cache of an EPYC), 64 (beyond it) and 1,024 (the order of a 10-million-identifier graph).</summary>
    [Params(8, 64, 1024)]
    public int MiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var length = MiB * 1024 * (1024 / sizeof(int));

        // Sattolo's shuffle makes one cycle through every position, so the chase below never settles into a short
        // loop that would fit in the caches.
        _next = new int[length];
        for (var i = 0; i < length; i++)
        {
            _next[i] = i;
        }

        var random = new Random(11);
        for (var i = length - 1; i > 0; i--)
        {
            var j = random.Next(i);
            (_next[i], _next[j]) = (_next[j], _next[i]);
        }

        _positions = new int[Reads];
        for (var i = 0; i < Reads; i++)
        {
            _positions[i] = random.Next(length);
        }
    }

    [Benchmark(Description = "dependent random read (one memory latency)", OperationsPerInvoke = Reads)]
    public int DependentRead()
    {
        var next = _next;
        var at = 0;
        for (var i = 0; i < Reads; i++)
        {
            at = next[at];
        }

        return at;
    }

    [Benchmark(Description = "independent random read (misses overlapped)", OperationsPerInvoke = Reads)]
    public long IndependentRead()
    {
        var next = _next;
        long sum = 0;
        foreach (var position in _positions)
        {
            sum += next[position];
        }

        return sum;
    }
}
