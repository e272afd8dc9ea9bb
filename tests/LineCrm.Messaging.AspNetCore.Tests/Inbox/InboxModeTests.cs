using System.Net;
using LineCrm.Messaging.Webhooks;
using LineCrm.Stores.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LineCrm.Messaging.AspNetCore.Tests.Inbox;

/// <summary>The endpoint in inbox mode over the SQLite store's real files: restarts, retries, dead letters, a stop with a backlog.</summary>
public sealed class InboxModeTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("linecrm-inbox-");

    private string InboxPath => Path.Combine(_directory.FullName, "inbox.db");

    private Task<WebhookTestServer> StartAsync(Action<LineWebhookBuilder> handlers, Action<LineWebhookInboxOptions>? inbox = null, TimeSpan? shutdownTimeout = null) =>
        WebhookTestServer.StartAsync(
            handlers: h =>
            {
                h.UseInbox(o =>
                {
                    o.PollInterval = TimeSpan.FromMilliseconds(50);
                    o.InitialBackoff = TimeSpan.FromMilliseconds(20);
                    o.MaxBackoff = TimeSpan.FromMilliseconds(100);
                    inbox?.Invoke(o);
                });
                handlers(h);
            },
            services: s =>
            {
                s.AddLineCrmSqliteStores(o => o.Path = InboxPath);
                if (shutdownTimeout is { } timeout)
                {
                    s.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
                }
            });

    [Fact]
    public async Task An_event_handled_before_a_restart_is_recognised_when_LINE_redelivers_it_after()
    {
        const string id = "01HZ00000000000000000I0001";
        var handled = 0;
        await using (var first = await StartAsync(h => h.On<FollowEvent>((_, _, _) => { Interlocked.Increment(ref handled); return Task.CompletedTask; })))
        {
            using var response = await first.PostAsync(Payloads.Follow(id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await first.Dispatched.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        await using var second = await StartAsync(h => h.On<FollowEvent>((_, _, _) => { Interlocked.Increment(ref handled); return Task.CompletedTask; }));
        using (var redelivery = await second.PostAsync(Payloads.Follow(id)))
        {
            Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        }

        using (var other = await second.PostAsync(Payloads.Follow("01HZ00000000000000000I0002")))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // The other event is handled after the redelivery was refused, so once it is in, the redelivery had its chance.
        var next = await second.Dispatched.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal("01HZ00000000000000000I0002", next.WebhookEventId);
        await second.StopAsync();
        Assert.Equal(2, handled);
        Assert.Contains(second.Logs.GetSnapshot(), r => r.Message.Contains($"Skipped redelivered webhook event {id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_and_then_parked_dead_with_its_error()
    {
        var attempts = 0;
        var dead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(
            h => h.On<FollowEvent>((_, _, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("CRM is down");
            }),
            o => o.MaxAttempts = 3);

        using var response = await server.PostAsync(Payloads.Follow("01HZ00000000000000000I0003"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForAsync(server, r => r.Message.Contains("parked as dead", StringComparison.Ordinal));
        await server.StopAsync();

        Assert.Equal(3, attempts);
        var logs = server.Logs.GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Message.Contains("runs again at", StringComparison.Ordinal)));
        var parked = Assert.Single(logs, r => r.Message.Contains("parked as dead", StringComparison.Ordinal));
        Assert.Contains("CRM is down", parked.Message, StringComparison.Ordinal);
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = InboxPath });
        var inbox = store.WebhookInbox;
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 1), await inbox.CountAsync(TestContext.Current.CancellationToken));
        var deadEntry = Assert.Single(await inbox.ListDeadAsync(0, 10, TestContext.Current.CancellationToken));
        Assert.Equal("01HZ00000000000000000I0003", deadEntry.WebhookEventId);
        Assert.Contains("CRM is down", deadEntry.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_event_replayed_through_the_inbox_runs_again_and_completes()
    {
        const string id = "01HZ00000000000000000I0005";
        var broken = 1;
        await using var server = await StartAsync(
            h => h.On<FollowEvent>((_, _, _) => Volatile.Read(ref broken) == 1 ? throw new InvalidOperationException("not yet") : Task.CompletedTask),
            o => o.MaxAttempts = 1);

        using var response = await server.PostAsync(Payloads.Follow(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForAsync(server, r => r.Message.Contains("parked as dead", StringComparison.Ordinal));
        var inbox = server.Services.GetRequiredService<IWebhookInbox>();
        Assert.Equal(WebhookInboxState.Dead, (await inbox.FindAsync(id, TestContext.Current.CancellationToken))!.State);

        Volatile.Write(ref broken, 0);
        Assert.True(await inbox.ReplayAsync(id, TestContext.Current.CancellationToken));
        for (var i = 0; i < 2; i++) // the catch-all recorder: the dead attempt, then the replayed one
        {
            await server.Dispatched.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        await server.StopAsync();
        Assert.Equal(WebhookInboxState.Completed, (await inbox.FindAsync(id, TestContext.Current.CancellationToken))!.State);
    }

    [Fact]
    public async Task A_handler_that_fails_twice_then_succeeds_completes_its_event()
    {
        var attempts = 0;
        await using var server = await StartAsync(h => h.On<FollowEvent>((_, _, _) =>
            Interlocked.Increment(ref attempts) <= 2 ? throw new IOException("flaky") : Task.CompletedTask));

        using var response = await server.PostAsync(Payloads.Follow("01HZ00000000000000000I0004"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The catch-all recorder runs on every attempt; the third is the one where the follow handler succeeded.
        for (var i = 0; i < 3; i++)
        {
            await server.Dispatched.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        await server.StopAsync();
        Assert.Equal(3, attempts);
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = InboxPath });
        var inbox = store.WebhookInbox;
        Assert.Equal(new WebhookInboxCounts(0, 0, 1, 0), await inbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stop_past_the_shutdown_timeout_leaves_the_backlog_in_the_inbox_and_the_next_start_handles_all_of_it()
    {
        const int events = 20;
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var first = await StartAsync(
            h => h.On<FollowEvent>(async (_, _, ct) =>
            {
                started.TrySetResult();
                await hold.Task.WaitAsync(ct); // a slow handler: still running when the host gives up waiting
            }),
            o => o.LeaseDuration = TimeSpan.FromSeconds(1),
            shutdownTimeout: TimeSpan.FromMilliseconds(200)))
        {
            for (var i = 0; i < events; i++)
            {
                using var response = await first.PostAsync(Payloads.Follow($"01HZ00000000000000000S{i:D4}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await first.StopAsync();
        }

        await using (var store = new SqliteStore(new SqliteStoreOptions { Path = InboxPath }))
        {
            var counts = await store.WebhookInbox.CountAsync(TestContext.Current.CancellationToken);
            Assert.Equal(events, counts.Pending + counts.Leased); // nothing handled, nothing dropped
            Assert.Equal(0, counts.Completed + counts.Dead);
        }

        var handled = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var second = await StartAsync(h => h.On<FollowEvent>((e, _, _) =>
        {
            handled.AddOrUpdate(e.WebhookEventId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }));
        for (var i = 0; i < events; i++)
        {
            await second.Dispatched.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        await second.StopAsync();
        Assert.Equal(events, handled.Count);
        Assert.All(handled.Values, n => Assert.Equal(1, n));
    }

    private static async Task WaitForAsync(WebhookTestServer server, Func<Microsoft.Extensions.Logging.Testing.FakeLogRecord, bool> match)
    {
        // Bounded wait on a log record: the store's outcome is logged once it is committed.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!server.Logs.GetSnapshot().Any(match))
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected log record did not appear within 30 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
