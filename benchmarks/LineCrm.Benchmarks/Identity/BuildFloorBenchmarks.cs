using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// The least any build of <see cref="IdentityBuildBenchmarks"/>' workload must do, measured on this machine: read
/// the text of every identifier and of both ends of every link once, and hash it, on all cores. The hashes and the
/// block-wise cache touches are the graph's own (<see cref="GraphState.HashOf"/>, <see cref="KeyTable.TouchText"/>),
/// but nothing is interned, joined or recorded. Together with the union-find over integer pairs
/// (<see cref="ConnectedComponentsBenchmarks.IntegerComponents"/>) this bounds a build from below: what a build
/// takes beyond the two goes to interning, rules, link records and person numbers.
/// </summary>
/// <remarks>
/// Identifiers are read in the order they were made, which is the order their strings lie in memory; link ends are
/// read in link order, which the workload shuffles as real link events are: each end's text is then a random read.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class BuildFloorBenchmarks
{
    private const int Chunk = 1 << 15;
    private const int Block = GraphState.TouchAhead;

    private IdentityWorkload _workload = null!;
    private GraphState _state = null!;

    /// <summary>Identifiers; links are as many.</summary>
    [Params(10_000_000)]
    public int Identifiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = IdentityWorkload.Create(Identifiers, Identifiers);

        // An empty graph state: it registers the well-known types, and hashing reads nothing else of it.
        _state = new GraphState(CompiledRules.Compile(IdentityRules.None));
    }

    [Benchmark(Description = "read + hash every identifier's text (batch order)")]
    public long HashIdentifiers() => InChunks(_workload.Identifiers.Length, (start, end) =>
    {
        var sum = 0L;
        for (var block = start; block < end; block += Block)
        {
            sum += Hash(_workload.Identifiers.AsSpan(block, Math.Min(Block, end - block)), firstLineOnly: false);
        }

        return sum;
    });

    [Benchmark(Description = "read + hash both ends of every link (link order)")]
    public long HashLinkEnds() => HashEnds(firstLineOnly: false);

    [Benchmark(Description = "the same, touching only each text's first cache line (as the graph did)")]
    public long HashLinkEndsFirstLine() => HashEnds(firstLineOnly: true);

    private long HashEnds(bool firstLineOnly) => InChunks(_workload.Links.Length, (start, end) =>
    {
        var ends = new Identifier[Block];
        var sum = 0L;
        for (var block = start; block < end; block += Block / 2)
        {
            var count = Math.Min(Block / 2, end - block);
            for (var k = 0; k < count; k++)
            {
                ends[2 * k] = _workload.Links[block + k].From;
                ends[(2 * k) + 1] = _workload.Links[block + k].To;
            }

            sum += Hash(ends.AsSpan(0, 2 * count), firstLineOnly);
        }

        return sum;
    });

    // As GraphState.FindNodes begins: touch a block's text, then hash it, so the block's misses overlap.
    private long Hash(ReadOnlySpan<Identifier> identifiers, bool firstLineOnly)
    {
        foreach (var identifier in identifiers)
        {
            if (firstLineOnly)
            {
                CachePrefetch.Line(ref Unsafe.AsRef(in identifier.Value.GetPinnableReference()));
            }
            else
            {
                KeyTable.TouchText(identifier.Value);
            }
        }

        var sum = 0L;
        foreach (var identifier in identifiers)
        {
            sum += _state.HashOf(_state.TypeIndex(identifier.Type, register: false), identifier.Value);
        }

        return sum;
    }

    // Chunks of the batch on all cores, as the graph's bulk passes run; the sum keeps the hashing from being dropped.
    private static long InChunks(int count, Func<int, int, long> pass)
    {
        var total = 0L;
        Parallel.For(
            0,
            (count + Chunk - 1) / Chunk,
            () => 0L,
            (chunk, _, sum) => sum + pass(chunk * Chunk, Math.Min(count, (chunk + 1) * Chunk)),
            sum => Interlocked.Add(ref total, sum));
        return total;
    }
}
