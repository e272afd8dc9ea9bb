using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary><see cref="FakeLineServer.WaitForDeliveriesAsync"/>: a point in a running send, reached without polling.</summary>
public sealed class DeliveryWaitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_wait_completes_at_the_counted_delivery_and_not_before()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        var options = new LineMessagingOptions();
        line.ConfigureClient(options);
        using var http = new HttpClient();
        using var client = new LineMessagingClient(http, options);
        var third = line.WaitForDeliveriesAsync(3, Ct);

        await client.PushMessageAsync(Lines.UserId, [new TextMessage("1")], Ct);
        await client.PushMessageAsync(Lines.UserId, [new TextMessage("2")], Ct);
        Assert.False(third.IsCompleted);
        await client.PushMessageAsync(Lines.UserId, [new TextMessage("3")], Ct);

        await third.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(3, line.Deliveries.Count);
        Assert.True(line.WaitForDeliveriesAsync(2, Ct).IsCompleted);
    }

    [Fact]
    public async Task A_refused_send_is_not_a_delivery_and_a_cancelled_wait_ends_cancelled()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(FakeLineFault.WithStatus(400, operationId: "pushMessage"));
        var options = new LineMessagingOptions();
        line.ConfigureClient(options);
        using var http = new HttpClient();
        using var client = new LineMessagingClient(http, options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var first = line.WaitForDeliveriesAsync(1, stop.Token);

        await Assert.ThrowsAsync<LineApiException>(() => client.PushMessageAsync(Lines.UserId, [new TextMessage("refused")], Ct));
        Assert.False(first.IsCompleted);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }
}
