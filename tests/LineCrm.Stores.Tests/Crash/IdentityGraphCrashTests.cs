using LineCrm.Segmentation.Identity;
using LineCrm.Stores.IdentityCrashHost;
using LineCrm.Stores.Sqlite;

namespace LineCrm.Stores.Tests.Crash;

/// <summary>
/// A writer saving its identity graph into the SQLite store after every batch of calls, killed with SIGKILL at random
/// moments (ten times, mid-batch and mid-commit): each time, loading the store gives exactly the graph as of the last
/// save that returned, or of the one in flight when its commit had reached the disk before the kill; never anything
/// between, and never damage.
/// </summary>
public sealed class IdentityGraphCrashTests : IDisposable
{
    private const int Kills = 10;
    private const long Batches = 100_000;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("linecrm-identity-crash-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_kill_leaves_the_graph_of_the_last_save_and_nothing_else()
    {
        var database = Path.Combine(_directory.FullName, "linecrm.db");
        var random = new Random(23);

        // The expected graph: the same batches in process, saved the same way (into memory), advanced as the child's is.
        var expected = IdentityWork.NewGraph();
        var expectedStore = new MemoryGraphStore();
        using var expectedJournal = await IdentityGraphJournal.OpenAsync(expected, expectedStore, Ct);
        await IdentityWork.RunAsync(expected, expectedJournal, 0, _ => { }, Ct);

        long durable = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            using var writer = IdentityWriterProcess.Start(database, Batches);
            var stillRunning = await writer.WaitForSavesAsync(random.Next(0, 25), Ct);
            if (!stillRunning)
            {
                // Its errors only once it has ended: reading them waits for the end of its output.
                Assert.Fail($"The writer ended before kill {kill}: {await writer.ErrorsAsync()}");
            }

            Assert.True(await writer.KillAsync(), $"The writer ended on its own before kill {kill}.");
            var lastReturned = writer.LastSaved ?? durable;

            await using var store = new SqliteStore(new SqliteStoreOptions { Path = database });
            var loaded = IdentityWork.NewGraph();
            using (var journal = await IdentityGraphJournal.OpenAsync(loaded, store.IdentityGraph, Ct))
            {
                durable = journal.LastSequence;
            }

            Assert.True(
                durable == lastReturned || durable == lastReturned + 1,
                $"Kill {kill}: the store holds batch {durable}, the last save that returned was batch {lastReturned}.");
            await IdentityWork.RunAsync(expected, expectedJournal, durable, _ => { }, Ct);
            Assert.True(Bytes(expected).AsSpan().SequenceEqual(Bytes(loaded)), $"Kill {kill}: the graph loaded at batch {durable} differs from the graph saved at batch {durable}.");
        }

        Assert.True(durable > Kills, $"Only {durable} batches were saved across {Kills} kills.");
    }

    private static byte[] Bytes(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>The expected graph's store: kept in memory, with the contract's numbering.</summary>
    private sealed class MemoryGraphStore : IIdentityGraphStore
    {
        private readonly List<IdentityGraphChangeRecord> _changes = [];
        private IReadOnlyList<ReadOnlyMemory<byte>>? _snapshot;
        private long _snapshotSequence;

        public ValueTask<StoredIdentityGraph> ReadAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new StoredIdentityGraph(_snapshotSequence, _snapshot, [.. _changes]));

        public ValueTask AppendAsync(IdentityGraphChangeRecord record, CancellationToken cancellationToken = default)
        {
            Assert.Equal((_changes.Count == 0 ? _snapshotSequence : _changes[^1].Sequence) + 1, record.Sequence);
            _changes.Add(record);
            return ValueTask.CompletedTask;
        }

        public ValueTask ReplaceSnapshotAsync(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot, CancellationToken cancellationToken = default)
        {
            (_snapshot, _snapshotSequence) = (snapshot, sequence);
            _changes.RemoveAll(c => c.Sequence <= sequence);
            return ValueTask.CompletedTask;
        }
    }
}
