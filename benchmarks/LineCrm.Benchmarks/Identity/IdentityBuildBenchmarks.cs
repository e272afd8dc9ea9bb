using BenchmarkDotNet.Attributes;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// Building the identity graph from scratch: every identifier, then every link (interning the identifiers'
/// text, union-find, rules and link records included). One invocation per iteration: each builds a graph of
/// millions of identifiers.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class IdentityBuildBenchmarks
{
    private IdentityWorkload _workload = null!;
    private IdentityGraph? _graph;

    /// <summary>Identifiers; links are as many.</summary>
    [Params(10_000_000)]
    public int Identifiers { get; set; }

    /// <summary>No rules (plain connected components) or the default rules.</summary>
    [Params("none", "default")]
    public string Rules { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _workload = IdentityWorkload.Create(Identifiers, Identifiers);
        IdentityMemory.Report(_workload, RulesOf(Rules), $"build-{Identifiers}-{Rules}");
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _graph = null;
        GC.Collect();
    }

    [Benchmark(Description = "IdentityGraph build (ids + links)")]
    public int Build()
    {
        _graph = new IdentityGraph(RulesOf(Rules));
        _graph.AddIdentifiers(_workload.Identifiers);
        _graph.AddLinks(_workload.Links);
        return _graph.PersonCount;
    }

    internal static IdentityRules RulesOf(string name) => name == "default" ? IdentityRules.Default : IdentityRules.None;
}
