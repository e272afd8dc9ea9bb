using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Messaging.AspNetCore.Tests;

public sealed class InMemoryWebhookEventIdStoreTests
{
    private static (InMemoryWebhookEventIdStore Store, FakeTimeProvider Time) Make(TimeSpan window)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new InMemoryWebhookEventIdStore(Options.Create(new LineWebhookOptions { DeduplicationWindow = window }), time);
        return (store, time);
    }

    [Fact]
    public async Task An_id_is_new_once_within_the_window_and_new_again_after_it()
    {
        var (store, time) = Make(TimeSpan.FromMinutes(10));
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await store.TryAddAsync("A", ct));
        Assert.False(await store.TryAddAsync("A", ct));
        Assert.True(await store.TryAddAsync("B", ct));
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.False(await store.TryAddAsync("A", ct));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(await store.TryAddAsync("A", ct));
        Assert.False(await store.TryAddAsync("A", ct));
    }

    [Fact]
    public async Task A_removed_id_is_new_again()
    {
        var (store, _) = Make(TimeSpan.FromHours(1));
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await store.TryAddAsync("A", ct));
        await store.RemoveAsync("A", ct);

        Assert.True(await store.TryAddAsync("A", ct));
    }

    [Fact]
    public async Task Concurrent_adds_of_one_id_let_exactly_one_through()
    {
        var (store, _) = Make(TimeSpan.FromHours(1));
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return store.TryAddAsync("same", CancellationToken.None).AsTask();
        }, TestContext.Current.CancellationToken)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Expired_ids_are_swept_as_new_ones_arrive()
    {
        var (store, time) = Make(TimeSpan.FromMinutes(1));
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 1000; i++)
        {
            await store.TryAddAsync($"old-{i}", ct);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 1048; i++)
        {
            await store.TryAddAsync($"new-{i}", ct);
        }

        // The sweep after the 1024th add removed the 1000 expired ids; only new ones are held.
        Assert.Equal(1048, store.Count);
    }
}
