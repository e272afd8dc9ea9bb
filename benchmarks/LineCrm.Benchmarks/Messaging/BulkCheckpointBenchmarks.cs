using BenchmarkDotNet.Attributes;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Stores.PostgreSql;
using LineCrm.Stores.Sqlite;

namespace LineCrm.Benchmarks.Messaging;

/// <summary>
/// A bulk send of 1,000,000 recipients (2,000 multicasts of 500) to the loopback fake LINE server, 8 chunks in flight,
/// with no checkpoints (the baseline) and checkpointed into the SQLite store and the PostgreSQL store (a server named
/// by <c>LINECRM_POSTGRES</c>), in the same run: the ratio is what durable, resumable progress costs the send.
/// </summary>
[InProcess]
[WarmupCount(1)]
[IterationCount(10)]
[InvocationCount(1)]
public class BulkCheckpointBenchmarks
{
    private const int Recipients = 1_000_000;

    private FakeLineServer _server = null!;
    private HttpClient _http = null!;
    private LineMessagingClient _client = null!;
    private DirectoryInfo _directory = null!;
    private SqliteStore _sqlite = null!;
    private PostgreSqlStore? _postgres;
    private string[] _users = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _directory = Directory.CreateTempSubdirectory("linecrm-bulk-bench-");
        _sqlite = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(_directory.FullName, "linecrm.db") });
        await _sqlite.InitializeAsync();
        if (Environment.GetEnvironmentVariable("LINECRM_POSTGRES") is { Length: > 0 } postgres)
        {
            _postgres = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = postgres, Schema = $"bench_{Guid.NewGuid():N}" });
            await _postgres.InitializeAsync();
        }
        _users = [.. Enumerable.Range(0, Recipients).Select(i => $"U{i:x32}")];
    }

    /// <summary>
    /// A fresh fake server for each send: it records every request, and a million recipients' worth of bodies kept
    /// across iterations would make the later contenders pay the garbage collector for the earlier ones.
    /// </summary>
    [IterationSetup]
    public void StartServer()
    {
        // BenchmarkDotNet's iteration hooks are synchronous; this one runs outside the measured time.
        _server = FakeLineServer.StartAsync(LineOpenApiDocument.LoadEmbedded("messaging-api.yml"), FakeLineServer.DefaultAccessToken).GetAwaiter().GetResult();
        var options = new LineMessagingOptions();
        _server.ConfigureClient(options);
        options.RateLimits.Enabled = false;
        _http = new HttpClient();
        _client = new LineMessagingClient(_http, options);
    }

    [IterationCleanup]
    public void StopServer()
    {
        _client.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _sqlite.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        _directory.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "no checkpoints")]
    public Task<BulkSendJob> Uncheckpointed() => SendAsync(null);

    [Benchmark(Description = "SQLite store")]
    public Task<BulkSendJob> Sqlite() => SendAsync(_sqlite.BulkSendCheckpoints);

    [Benchmark(Description = "PostgreSQL store")]
    public Task<BulkSendJob> PostgreSql() =>
        SendAsync((_postgres ?? throw new InvalidOperationException("Set LINECRM_POSTGRES (source .ci/postgres.sh) to run the PostgreSQL case.")).BulkSendCheckpoints);

    private async Task<BulkSendJob> SendAsync(IBulkSendCheckpointStore? store)
    {
        var job = BulkSendJob.Create(_users, [new TextMessage("Winter sale starts today")]);
        var sent = await _client.SendBulkAsync(job, new BulkSendOptions { CheckpointStore = store, MaxConcurrency = 8 });
        return sent.IsComplete ? sent : throw new InvalidOperationException($"{sent.FailedRecipients} recipients failed.");
    }
}
