using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task The_hourly_broadcast_limit_holds_requests_back_on_the_client()
    {
        // One broadcast an hour and no queue: the second is refused by the client itself, and LINE never sees it.
        await using var line = await FakeLineHarness.StartAsync(options =>
        {
            options.RateLimits.BroadcastPerHour = 1;
            options.RateLimits.QueueLimit = 0;
        });
        var ct = TestContext.Current.CancellationToken;
        await line.Client.BroadcastAsync(new BroadcastRequest([new TextMessage("first")]), cancellationToken: ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            line.Client.BroadcastAsync(new BroadcastRequest([new TextMessage("second")]), cancellationToken: ct));

        Assert.Contains("broadcast", error.Message, StringComparison.Ordinal);
        Assert.Single(line.Server.RequestsOf("broadcast"));
        await line.Client.PushMessageAsync("U4af4980629a1b2c3d4e5f60718293a4b", [new TextMessage("push is not held")], ct);
    }

    [Fact]
    public async Task A_queued_request_waits_for_a_permit_and_can_be_cancelled_while_it_waits()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.RateLimits.NarrowcastPerHour = 1);
        var ct = TestContext.Current.CancellationToken;
        await line.Client.NarrowcastAsync(new NarrowcastRequest([new TextMessage("first")]), cancellationToken: ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var waiting = line.Client.NarrowcastAsync(new NarrowcastRequest([new TextMessage("second")]), cancellationToken: cancel.Token);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Single(line.Server.RequestsOf("narrowcast"));
    }
}
