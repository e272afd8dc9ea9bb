using BenchmarkDotNet.Attributes;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// Building the identity graph from scratch: every identifier, then every link (interning the identifiers'
/// text, union-find, rules and link records included). One invocation per iteration: each builds a graph of
/// millions of identifiers.
/// </summary>
/// <remarks>
/// <see cref="Mode"/> separates what the bulk build brings: <c>bulk</c> is what a user gets (the links' bulk path,
/// huge pages advised on Linux); <c>bulk-4k-pages</c> the same with the huge-page advice switched off; and
/// <c>ordered-4k-pages</c> the build as it was before both, links applied one by one in the batch's order. Each case
/// runs in a process of its own, so the AppContext switch set in the setup holds for the whole case.
/// </remarks>
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

    /// <summary>The bulk path with or without huge pages, or the ordered path without them (the build before the bulk path).</summary>
    [Params("bulk", "bulk-4k-pages", "ordered-4k-pages")]
    public string Mode { get; set; } = "bulk";

    [GlobalSetup]
    public void Setup()
    {
        // Before any graph is made: the switch is read once, when the first large column is.
        AppContext.SetSwitch("LineCrm.Identity.DisableHugePages", Mode != "bulk");
        _workload = IdentityWorkload.Create(Identifiers, Identifiers);
        if (Mode == "bulk")
        {
            IdentityMemory.Report(_workload, RulesOf(Rules), $"build-{Identifiers}-{Rules}");
        }
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
        _graph = new IdentityGraph(RulesOf(Rules)) { BulkLinksAt = Mode.StartsWith("ordered", StringComparison.Ordinal) ? int.MaxValue : IdentityGraph.DefaultBulkLinksAt };
        _graph.AddIdentifiers(_workload.Identifiers);
        _graph.AddLinks(_workload.Links);
        return _graph.PersonCount;
    }

    internal static IdentityRules RulesOf(string name) => name == "default" ? IdentityRules.Default : IdentityRules.None;
}
