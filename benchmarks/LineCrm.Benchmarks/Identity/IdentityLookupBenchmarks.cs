using BenchmarkDotNet.Attributes;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// A built graph of 10 million identifiers at work: resolving identifiers to persons (random probes, so most
/// lookups miss the CPU caches, as they would in production), one at a time and as one batch, and applying
/// 100,000 links one by one. The random probes come twice: as the graph's own identifiers (whose text lies
/// scattered through memory, so reading it is one more cache miss), and as fresh copies made one after another,
/// like identifiers just parsed from a webhook or a file, whose text the caches hold or fetch in sequence.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class IdentityLookupBenchmarks
{
    private const int Probes = 1_000_000;

    private IdentityWorkload _workload = null!;
    private IdentityGraph _graph = null!;
    private Identifier[] _probes = null!;
    private Identifier[] _freshProbes = null!;
    private Identifier[] _hotProbes = null!;
    private readonly PersonId[] _persons = new PersonId[Probes];

    [Params(10_000_000)]
    public int Identifiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = IdentityWorkload.Create(Identifiers, Identifiers);
        _graph = Build();
        var random = new Random(7);
        _probes = [.. Enumerable.Range(0, Probes).Select(_ => _workload.Identifiers[random.Next(Identifiers)])];
        _freshProbes = [.. _probes.Select(probe => new Identifier(probe.Type, new string(probe.Value)))];

        // The same 1,000 identifiers over and over: what a lookup costs when its data is in the CPU caches.
        _hotProbes = [.. Enumerable.Range(0, Probes).Select(i => _probes[i % 1_000])];
    }

    [IterationSetup(Target = nameof(Incremental))]
    public void FreshGraph() => _graph = Build();

    [Benchmark(Description = "TryResolve (random identifier)", OperationsPerInvoke = Probes)]
    public long Resolve() => ResolveEach(_probes);

    [Benchmark(Description = "TryResolve (random identifier, freshly parsed text)", OperationsPerInvoke = Probes)]
    public long ResolveFresh() => ResolveEach(_freshProbes);

    [Benchmark(Description = "ResolveMany (random identifiers, one batch)", OperationsPerInvoke = Probes)]
    public int ResolveBatch() => _graph.ResolveMany(_probes, _persons);

    [Benchmark(Description = "ResolveMany (random identifiers, freshly parsed text, one batch)", OperationsPerInvoke = Probes)]
    public int ResolveBatchFresh() => _graph.ResolveMany(_freshProbes, _persons);

    [Benchmark(Description = "TryResolve (1,000 identifiers, cached)", OperationsPerInvoke = Probes)]
    public long ResolveHot() => ResolveEach(_hotProbes);

    [Benchmark(Description = "Link x 100,000 (incremental, one by one)")]
    public int Incremental()
    {
        var merged = 0;
        foreach (var link in _workload.Incremental)
        {
            merged += _graph.Link(link).Outcome == LinkOutcome.Merged ? 1 : 0;
        }

        return merged;
    }

    // One TryResolve per probe; the sum keeps the results alive.
    private long ResolveEach(Identifier[] probes)
    {
        long sum = 0;
        foreach (var probe in probes)
        {
            _graph.TryResolve(probe, out var person);
            sum += person.Value;
        }

        return sum;
    }

    private IdentityGraph Build()
    {
        var graph = new IdentityGraph(IdentityRules.Default);
        graph.AddIdentifiers(_workload.Identifiers);
        graph.AddLinks(_workload.Links);
        return graph;
    }
}
