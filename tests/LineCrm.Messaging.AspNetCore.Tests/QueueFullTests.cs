using System.Net;
using System.Text;
using System.Threading.Channels;
using LineCrm.Messaging.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>
/// The in-memory queue is full and LINE's request times out while the endpoint waits for room: LINE then
/// redelivers the event, and that redelivery must be handled, not skipped as a duplicate of an event that was never
/// queued.
/// </summary>
public sealed class QueueFullTests
{
    private const string Blocker = "01HZ0000000000000000000F01";
    private const string Queued = "01HZ0000000000000000000F02";
    private const string TimedOut = "01HZ0000000000000000000F03";

    [Fact]
    public async Task An_event_whose_request_timed_out_on_a_full_queue_is_handled_when_LINE_redelivers_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var blockerRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var marked = new SignalingIdStore.Signals();
        var completed = Channel.CreateUnbounded<string>();

        await using var server = await WebhookTestServer.StartAsync(
            configure: o =>
            {
                o.MaxConcurrency = 1;
                o.QueueCapacity = 1;
            },
            handlers: h => h.On<FollowEvent>(async (e, _, _) =>
            {
                if (e.WebhookEventId == Blocker)
                {
                    blockerRunning.TrySetResult();
                    await release.Task;
                }
            }),
            services: s => s.AddSingleton<IWebhookEventIdStore>(sp => new SignalingIdStore(
                ActivatorUtilities.CreateInstance<InMemoryWebhookEventIdStore>(sp), marked)),
            app: web => web.Use(async (http, next) =>
            {
                try
                {
                    await next(http);
                }
                finally
                {
                    // Written once the endpoint is done with the request, whatever the client did meanwhile.
                    completed.Writer.TryWrite(http.Request.Headers["X-Test-Name"].ToString());
                }
            }));

        // One event holds the only worker, a second fills the only place in the queue.
        using (var response = await server.PostAsync(Payloads.Follow(Blocker)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await blockerRunning.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        using (var response = await server.PostAsync(Payloads.Follow(Queued)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The third request waits for room; LINE gives up on it (its client timeout) once the endpoint has it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pending = PostNamedAsync(server, "timed-out", Payloads.Follow(TimedOut), timeout.Token);
        await marked.Added(TimedOut).WaitAsync(TimeSpan.FromSeconds(30), ct);
        await timeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await WaitForCompletionAsync(completed.Reader, "timed-out", ct);

        // The queue drains, and LINE redelivers the event it got no 200 for.
        release.SetResult();
        using (var redelivery = await server.PostAsync(Payloads.Follow(TimedOut)))
        {
            Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        }

        var dispatched = await server.StopAndCollectAsync();
        Assert.Equal([Blocker, Queued, TimedOut], dispatched.Select(e => e.WebhookEventId).Order(StringComparer.Ordinal));
    }

    private static async Task<HttpResponseMessage> PostNamedAsync(WebhookTestServer server, string name, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callback") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(WebhookTestServer.Secret, bytes));
        request.Headers.Add("X-Test-Name", name);
        return await server.Client.SendAsync(request, cancellationToken);
    }

    private static async Task WaitForCompletionAsync(ChannelReader<string> completed, string name, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        while (await completed.ReadAsync(bound.Token) != name)
        {
        }
    }

    /// <summary>The real in-memory store, telling the test when an id has been marked as seen.</summary>
    private sealed class SignalingIdStore(IWebhookEventIdStore inner, SignalingIdStore.Signals signals) : IWebhookEventIdStore
    {
        public async ValueTask<bool> TryAddAsync(string webhookEventId, CancellationToken cancellationToken)
        {
            var added = await inner.TryAddAsync(webhookEventId, cancellationToken);
            if (added)
            {
                signals.For(webhookEventId).TrySetResult();
            }

            return added;
        }

        public ValueTask RemoveAsync(string webhookEventId, CancellationToken cancellationToken) => inner.RemoveAsync(webhookEventId, cancellationToken);

        public sealed class Signals
        {
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _added = new(StringComparer.Ordinal);

            public TaskCompletionSource For(string id) => _added.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

            public Task Added(string id) => For(id).Task;
        }
    }
}
