using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Stores.Sqlite;

namespace LineCrm.Stores.Tests.BulkSend;

/// <summary><see cref="LineMessagingClient.SendBulkAsync"/> with the SQLite store as its checkpoint store, against the fake LINE server.</summary>
public sealed class BulkSendWithStoreTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("linecrm-bulk-");
    private FakeLineServer _line = null!;
    private HttpClient _http = null!;
    private LineMessagingClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_directory.FullName, "linecrm.db");

    private static string User(int i) => $"U{i:x32}";

    private static BulkSendJob Job(Guid id, int recipients) =>
        BulkSendJob.Create(id, Enumerable.Range(0, recipients).Select(User), [new TextMessage("新商品のお知らせ")], chunkSize: 10);

    public async ValueTask InitializeAsync()
    {
        _line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        var options = new LineMessagingOptions();
        _line.ConfigureClient(options);
        _http = new HttpClient();
        _client = new LineMessagingClient(_http, options);
    }

    [Fact]
    public async Task A_finished_job_is_stored_accepted_chunk_by_chunk_and_sending_it_again_sends_nothing()
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = StorePath });
        var options = new BulkSendOptions { CheckpointStore = store.BulkSendCheckpoints, MaxConcurrency = 4 };
        var id = Guid.NewGuid();

        var sent = await _client.SendBulkAsync(Job(id, 95), options, Ct);
        var again = await _client.SendBulkAsync(Job(id, 95), options, Ct);

        Assert.True(sent.IsComplete);
        var stored = await store.BulkSendCheckpoints.LoadJobAsync(id, Ct);
        Assert.Equal(10, stored!.Chunks.Count);
        Assert.All(stored.Chunks, c => Assert.Equal(BulkChunkStatus.Accepted, c.Status));
        Assert.Equal(sent.Chunks.Select(c => c.RetryKey), stored.Chunks.Select(c => c.RetryKey));
        Assert.True(again.IsComplete);
        Assert.Equal(10, _line.RequestsOf("multicast").Count);
        Assert.All(_line.DeliveriesByRecipient.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_job_planned_again_with_more_recipients_after_a_restart_sends_only_the_new_ones()
    {
        var id = Guid.NewGuid();
        await using (var first = new SqliteStore(new SqliteStoreOptions { Path = StorePath }))
        {
            await _client.SendBulkAsync(Job(id, 30), new BulkSendOptions { CheckpointStore = first.BulkSendCheckpoints }, Ct);
        }

        await using var second = new SqliteStore(new SqliteStoreOptions { Path = StorePath });
        var resumed = await _client.SendBulkAsync(Job(id, 45), new BulkSendOptions { CheckpointStore = second.BulkSendCheckpoints }, Ct);

        Assert.True(resumed.IsComplete);
        Assert.Equal(45, _line.DeliveriesByRecipient.Count);
        Assert.All(_line.DeliveriesByRecipient.Values, n => Assert.Equal(1, n));
        Assert.Equal(5, _line.RequestsOf("multicast").Count);
    }

    [Fact]
    public async Task When_the_store_fails_the_job_stops_with_an_IOException_and_resuming_it_completes_without_a_second_delivery()
    {
        var id = Guid.NewGuid();
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = StorePath });
        var failing = new FailingAfterPlan(store.BulkSendCheckpoints);

        var error = await Assert.ThrowsAsync<IOException>(() =>
            _client.SendBulkAsync(Job(id, 200), new BulkSendOptions { CheckpointStore = failing, MaxConcurrency = 1 }, Ct));
        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
        Assert.True(_line.RequestsOf("multicast").Count < 20, "the job went on sending after its store failed");

        var resumed = await _client.SendBulkAsync(Job(id, 200), new BulkSendOptions { CheckpointStore = store.BulkSendCheckpoints }, Ct);

        Assert.True(resumed.IsComplete);
        Assert.Equal(200, _line.DeliveriesByRecipient.Count);
        Assert.All(_line.DeliveriesByRecipient.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_chunk_whose_plan_could_not_be_stored_is_never_sent()
    {
        var id = Guid.NewGuid();
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = StorePath });
        var failing = new FailingPlanOf(store.BulkSendCheckpoints, chunkIndex: 64);

        // 100 chunks of 10: plans are stored 64 at a time, and the second batch's save fails.
        await Assert.ThrowsAsync<IOException>(() => _client.SendBulkAsync(Job(id, 1_000), new BulkSendOptions { CheckpointStore = failing }, Ct));

        Assert.DoesNotContain(_line.DeliveriesByRecipient.Keys, user => int.Parse(user[1..], System.Globalization.NumberStyles.HexNumber, null) >= 640);
        var resumed = await _client.SendBulkAsync(Job(id, 1_000), new BulkSendOptions { CheckpointStore = store.BulkSendCheckpoints }, Ct);
        Assert.True(resumed.IsComplete);
        Assert.Equal(1_000, _line.DeliveriesByRecipient.Count);
        Assert.All(_line.DeliveriesByRecipient.Values, n => Assert.Equal(1, n));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _line.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    /// <summary>A real store that fails to store the plan of the batch holding one chunk index.</summary>
    private sealed class FailingPlanOf(IBulkSendCheckpointStore inner, int chunkIndex) : IBulkSendCheckpointStore
    {
        public ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default) => inner.CreateJobAsync(job, cancellationToken);

        public ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default) =>
            chunks.Any(c => c.Index == chunkIndex && c.Status == BulkChunkStatus.Pending)
                ? throw new IOException("disk full")
                : inner.SaveChunksAsync(jobId, chunks, cancellationToken);

        public ValueTask<BulkSendJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken = default) => inner.LoadJobAsync(jobId, cancellationToken);

        public ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken = default) => inner.DeleteJobAsync(jobId, cancellationToken);
    }

    /// <summary>A real store whose outcome saves fail (a disk that filled up after the plan was written).</summary>
    private sealed class FailingAfterPlan(IBulkSendCheckpointStore inner) : IBulkSendCheckpointStore
    {
        private int _saves;

        public ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default) => inner.CreateJobAsync(job, cancellationToken);

        public ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _saves) == 1 ? inner.SaveChunksAsync(jobId, chunks, cancellationToken) : throw new IOException("disk full");

        public ValueTask<BulkSendJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken = default) => inner.LoadJobAsync(jobId, cancellationToken);

        public ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken = default) => inner.DeleteJobAsync(jobId, cancellationToken);
    }
}
