using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using LineCrm.Messaging.Webhooks;
using Microsoft.Data.Sqlite;

namespace LineCrm.Messaging.AspNetCore.Tests.Crash;

/// <summary>
/// Plays LINE against the crash host: concurrent posters send signed one-event bodies, the host is killed with
/// SIGKILL at random moments and started again, and every event that got no 200 is posted again (LINE's
/// redelivery), as are some that did (LINE delivers at least once). At the end the host runs once more until its
/// ledger stops growing, and is stopped normally. The report compares what got a 200 with what the ledger holds.
/// </summary>
internal sealed class WebhookCrashHarness(string directory, IReadOnlyList<string> hostArguments, int seed)
{
    private const string Secret = "crash_channel_secret";
    private const int Posters = 8;

    public string LedgerPath { get; } = Path.Combine(directory, "handled.db");

    public async Task<CrashReport> RunAsync(int kills, int minAcknowledgedPerLife, int maxAcknowledgedPerLife, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var acknowledged = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var unanswered = new ConcurrentQueue<string>();
        var next = 0;
        var posts = 0L;
        var posted = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        for (var life = 0; life <= kills; life++)
        {
            using var host = await StartAsync(cancellationToken);
            using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
            using var stopPosting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var last = life == kills;
            var target = random.Next(minAcknowledgedPerLife, maxAcknowledgedPerLife + 1);
            var acknowledgedThisLife = 0;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posters = Enumerable.Range(0, Posters).Select(p => Task.Run(async () =>
            {
                var own = new Random(HashCode.Combine(seed, life, p));
                while (!stopPosting.IsCancellationRequested)
                {
                    string id;
                    if (unanswered.TryDequeue(out var retry))
                    {
                        id = retry;
                    }
                    else if (last)
                    {
                        return; // the last life only delivers what is still owed
                    }
                    else if (own.Next(10) == 0 && !acknowledged.IsEmpty)
                    {
                        id = acknowledged.Keys.ElementAt(own.Next(Math.Min(acknowledged.Count, 64)));
                    }
                    else
                    {
                        id = $"crash-{Interlocked.Increment(ref next):D8}";
                    }

                    Interlocked.Increment(ref posts);
                    posted.TryAdd(id, 0);
                    if (await TryPostAsync(client, id, stopPosting.Token))
                    {
                        acknowledged.TryAdd(id, 0);
                        if (Interlocked.Increment(ref acknowledgedThisLife) >= target)
                        {
                            reached.TrySetResult();
                        }
                    }
                    else
                    {
                        unanswered.Enqueue(id);
                    }
                }
            }, CancellationToken.None)).ToArray();

            if (last)
            {
                await Task.WhenAll(posters);
                await WaitUntilLedgerSettlesAsync(acknowledged.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken);
                await host.StopAsync();
            }
            else
            {
                // A random moment in this life: after a random number of 200s (so a loaded machine still sees
                // traffic in every life), while the posters keep requests and handlers in flight.
                await reached.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
                await host.KillAsync();
                await stopPosting.CancelAsync();
                await Task.WhenAll(posters);
            }
        }

        return new CrashReport(acknowledged.Keys.ToHashSet(StringComparer.Ordinal), posted.Keys.ToHashSet(StringComparer.Ordinal), ReadLedger(), Interlocked.Read(ref posts), kills);
    }

    private Task<CrashHostProcess> StartAsync(CancellationToken cancellationToken) =>
        CrashHostProcess.StartAsync(["--secret", Secret, "--ledger", LedgerPath, .. hostArguments], cancellationToken);

    private static async Task<bool> TryPostAsync(HttpClient client, string id, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"destination":"Ucrash","events":[{"type":"follow","mode":"active","timestamp":1462629479859,"webhookEventId":"{{{id}}}",
             "deliveryContext":{"isRedelivery":false},"source":{"type":"user","userId":"U4af4980629a1b2c3d4e5f60718293a4b"},
             "replyToken":"r","follow":{"isUnblocked":false}}]}
            """);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callback") { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, body));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // the host died under the request: LINE saw no 200 and redelivers
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits, bounded, until every acknowledged event is in the ledger, or until the ledger has not grown for a
    /// while (the in-memory mode's lost events never arrive).
    /// </summary>
    private async Task WaitUntilLedgerSettlesAsync(HashSet<string> acknowledged, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var lastCount = -1;
        var lastGrowth = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            var ledger = ReadLedger();
            if (acknowledged.IsSubsetOf(ledger.Keys))
            {
                return;
            }

            if (ledger.Count != lastCount)
            {
                lastCount = ledger.Count;
                lastGrowth = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastGrowth > TimeSpan.FromSeconds(5))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private Dictionary<string, long> ReadLedger()
    {
        var runs = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(LedgerPath))
        {
            return runs;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LedgerPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, runs FROM handled";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return runs;
    }
}

/// <summary>What one crash run saw: the ids that got a 200, and the ledger's rows (id, handler runs).</summary>
internal sealed record CrashReport(HashSet<string> Acknowledged, HashSet<string> Posted, Dictionary<string, long> Handled, long Posts, int Kills)
{
    public IReadOnlyList<string> Lost => [.. Acknowledged.Where(id => !Handled.ContainsKey(id)).Order(StringComparer.Ordinal)];

    public long RerunHandlers => Handled.Values.Sum(r => r - 1);

    public override string ToString() =>
        $"{Kills} kills, {Posts} posts: {Acknowledged.Count} events got a 200, {Handled.Count} were handled, {Lost.Count} lost; " +
        $"{RerunHandlers} handler runs repeated an event already handled (absorbed by the ledger's unique key)";
}
