using System.Collections.Concurrent;
using System.Net;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>How events reach handlers: types, order, failures, scopes, shutdown.</summary>
public sealed class WebhookHandlerTests
{
    private sealed class Journal
    {
        public ConcurrentQueue<string> Entries { get; } = new();
    }

    private sealed class FirstFollowHandler(Journal journal) : IWebhookHandler<FollowEvent>
    {
        public Task HandleAsync(FollowEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
        {
            journal.Entries.Enqueue("first:" + webhookEvent.WebhookEventId);
            return Task.CompletedTask;
        }
    }

    private sealed class SecondFollowAndMessageHandler(Journal journal) : IWebhookHandler<FollowEvent>, IWebhookHandler<MessageEvent>
    {
        private readonly Guid _instance = Guid.NewGuid();

        public Task HandleAsync(FollowEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
        {
            journal.Entries.Enqueue($"second:{webhookEvent.WebhookEventId}:{context.Destination}");
            return Task.CompletedTask;
        }

        public Task HandleAsync(MessageEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
        {
            journal.Entries.Enqueue("message:" + _instance);
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingHandler : IWebhookHandler<FollowEvent>
    {
        public Task HandleAsync(FollowEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler bug");
    }

    private sealed class UnknownCatchAll(Journal journal) : IWebhookHandler<UnknownEvent>
    {
        public Task HandleAsync(UnknownEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
        {
            journal.Entries.Enqueue($"unknown:{webhookEvent.Type}:{webhookEvent.Raw.GetProperty("teleport").GetProperty("to").GetString()}");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Several_handlers_of_one_type_run_in_registration_order_then_the_all_events_handlers()
    {
        var journal = new Journal();
        await using var server = await WebhookTestServer.StartAsync(
            handlers: h => h.AddHandler<FirstFollowHandler>().AddHandler<SecondFollowAndMessageHandler>()
                .On<WebhookEvent>((e, _, _) => { journal.Entries.Enqueue("all:" + e.WebhookEventId); return Task.CompletedTask; }),
            services: s => s.AddSingleton(journal));

        using var response = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000010"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await server.StopAsync();
        Assert.Equal(
            ["first:01HZ0000000000000000000010", $"second:01HZ0000000000000000000010:{Payloads.Destination}", "all:01HZ0000000000000000000010"],
            journal.Entries);
    }

    [Fact]
    public async Task One_handler_class_serves_all_its_interfaces_from_one_scoped_instance_per_event()
    {
        var journal = new Journal();
        await using var server = await WebhookTestServer.StartAsync(
            configure: o => o.MaxConcurrency = 1,
            handlers: h => h.AddHandler<SecondFollowAndMessageHandler>(),
            services: s => s.AddSingleton(journal));

        using var one = await server.PostAsync(Payloads.Text("01HZ0000000000000000000011", "a"));
        using var two = await server.PostAsync(Payloads.Text("01HZ0000000000000000000012", "b"));

        await server.StopAsync();
        var instances = journal.Entries.Where(e => e.StartsWith("message:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, instances.Count);
        Assert.NotEqual(instances[0], instances[1]); // a new scope, so a new instance, per event
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_with_the_event_id_and_affects_nothing_else()
    {
        var journal = new Journal();
        await using var server = await WebhookTestServer.StartAsync(
            handlers: h => h.AddHandler<ThrowingHandler>().AddHandler<FirstFollowHandler>(),
            services: s => s.AddSingleton(journal));

        using var failing = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000013"));
        using var next = await server.PostAsync(Payloads.Text("01HZ0000000000000000000014", "still here"));

        Assert.Equal(HttpStatusCode.OK, failing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var dispatched = await server.StopAndCollectAsync();
        Assert.Equal(["first:01HZ0000000000000000000013"], journal.Entries); // the next handler of the same event ran
        Assert.Equal(2, dispatched.Count); // and so did the all-events recorder for both events
        var error = Assert.Single(server.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("01HZ0000000000000000000013", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ThrowingHandler), error.Message, StringComparison.Ordinal);
        Assert.Equal("handler bug", error.Exception?.Message);
    }

    [Fact]
    public async Task Unknown_event_types_reach_the_catch_all_with_their_JSON()
    {
        var journal = new Journal();
        await using var server = await WebhookTestServer.StartAsync(
            handlers: h => h.AddHandler<UnknownCatchAll>(),
            services: s => s.AddSingleton(journal));

        using var response = await server.PostAsync(Payloads.Unknown("01HZ0000000000000000000015"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await server.StopAsync();
        Assert.Equal(["unknown:teleport:moon"], journal.Entries);
    }

    [Fact]
    public async Task The_response_does_not_wait_for_handlers_and_shutdown_waits_for_running_ones()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        var cancelled = false;
        await using var server = await WebhookTestServer.StartAsync(handlers: h => h.On<FollowEvent>(async (_, _, ct) =>
        {
            started.SetResult();
            await release.Task;
            cancelled = ct.IsCancellationRequested;
            finished = true;
        }));

        // The 200 arrives while the handler is still blocked: the endpoint answered at once.
        using var response = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000016"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);

        var stopping = server.StopAsync();
        Assert.False(stopping.IsCompleted); // held by the running handler
        release.SetResult();
        await stopping;

        Assert.True(finished);
        Assert.False(cancelled);
    }

    [Fact]
    public async Task Handlers_run_with_bounded_concurrency()
    {
        var running = 0;
        var peak = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new CountdownEvent(2);
        await using var server = await WebhookTestServer.StartAsync(
            configure: o => o.MaxConcurrency = 2,
            handlers: h => h.On<FollowEvent>(async (_, _, _) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                if (now <= 2 && !arrived.IsSet)
                {
                    arrived.Signal();
                }

                await gate.Task;
                Interlocked.Decrement(ref running);
            }));

        for (var i = 0; i < 6; i++)
        {
            using var response = await server.PostAsync(Payloads.Follow($"01HZ00000000000000000001{i:D2}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        arrived.Wait(TestContext.Current.CancellationToken); // two handlers are in, and hold their workers
        Assert.Equal(2, Volatile.Read(ref running));
        gate.SetResult();
        var dispatched = await server.StopAndCollectAsync();

        Assert.Equal(6, dispatched.Count);
        Assert.Equal(2, peak);
    }

    [Fact]
    public async Task Options_without_a_channel_secret_stop_the_app_at_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestServer.StartAsync(o => o.Channels.Clear()));

        Assert.Contains("at least one channel secret", error.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
