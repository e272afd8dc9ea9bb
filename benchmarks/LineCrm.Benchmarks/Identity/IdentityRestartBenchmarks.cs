using BenchmarkDotNet.Attributes;
using LineCrm.Segmentation.Identity;
using LineCrm.Stores.Sqlite;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// A restart of a process that keeps its identity graph in the SQLite store (<see cref="IdentityGraphJournal"/>):
/// loading yesterday's graph alone (its snapshot), beside loading it with a day's 100,000 new links saved after it as
/// change records (a save every 1,000 links, as a live app saves), both from real files in the same run. The target:
/// the second at most twice the first.
/// </summary>
/// <remarks>
/// The workload's 10 million identifiers and links with the default rules are built and saved once in the setup (a
/// snapshot into each file, then the links and their records into the second), then dropped, so each load runs with
/// only the graph it loads alive.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class IdentityRestartBenchmarks
{
    /// <summary>Links of the day between two saves.</summary>
    private const int LinksPerSave = 1_000;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("linecrm-restart-");
    private SqliteStore _snapshotOnly = null!;
    private SqliteStore _withChanges = null!;
    private IdentityGraph? _loaded;

    /// <summary>Identifiers; links are as many.</summary>
    [Params(10_000_000)]
    public int Identifiers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var workload = IdentityWorkload.Create(Identifiers, Identifiers);
        var graph = new IdentityGraph(IdentityRules.Default);
        graph.AddIdentifiers(workload.Identifiers);
        graph.AddLinks(workload.Links);

        _snapshotOnly = Open("snapshot-only.db");
        _withChanges = Open("with-changes.db");
        using (var journal = await IdentityGraphJournal.OpenAsync(graph, _snapshotOnly.IdentityGraph))
        {
            await journal.SaveChangesAsync();   // a store that held nothing: the first save is a snapshot
        }

        using (var journal = await IdentityGraphJournal.OpenAsync(graph, _withChanges.IdentityGraph))
        {
            await journal.SaveChangesAsync();
            for (var i = 0; i < workload.Incremental.Length; i++)
            {
                graph.Link(workload.Incremental[i]);
                if ((i + 1) % LinksPerSave == 0)
                {
                    await journal.SaveChangesAsync();
                }
            }

            await journal.SaveChangesAsync();
        }

        Console.WriteLine($"// snapshot-only.db {new FileInfo(Path.Combine(_folder.FullName, "snapshot-only.db")).Length:N0} bytes, with-changes.db {new FileInfo(Path.Combine(_folder.FullName, "with-changes.db")).Length:N0} bytes");
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _loaded = null;
        GC.Collect();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _snapshotOnly.DisposeAsync();
        await _withChanges.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "restart: yesterday's snapshot from SQLite")]
    public async Task<int> SnapshotOnly() => await LoadAsync(_snapshotOnly);

    [Benchmark(Description = "restart: yesterday's snapshot + 100,000 links in 100 change records")]
    public async Task<int> SnapshotAndChanges() => await LoadAsync(_withChanges);

    private async Task<int> LoadAsync(SqliteStore store)
    {
        _loaded = new IdentityGraph(IdentityRules.Default);
        using var journal = await IdentityGraphJournal.OpenAsync(_loaded, store.IdentityGraph);
        return _loaded.IdentifierCount;
    }

    private SqliteStore Open(string name) => new(new SqliteStoreOptions { Path = Path.Combine(_folder.FullName, name) });
}
