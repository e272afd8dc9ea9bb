using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>LineCrm's own client pointed at the fake with <see cref="FakeLineServer.ConfigureClient"/>, as a user's test does.</summary>
public sealed class ClientAgainstFakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfigureClient_points_the_client_at_both_hosts_with_the_fakes_token()
    {
        await using var line = await FakeLineServer.StartAsync("token-for-this-test", Ct);
        var options = new LineMessagingOptions();
        line.ConfigureClient(options);

        Assert.Equal((line.ApiBaseAddress, line.DataApiBaseAddress, "token-for-this-test"), (options.ApiBaseAddress, options.DataApiBaseAddress, options.ChannelAccessToken));
        using var http = new HttpClient();
        using var client = new LineMessagingClient(http, options);
        await client.PushMessageAsync(Lines.UserId, [new TextMessage("Your order shipped")], Ct);

        var delivery = Assert.Single(line.Deliveries);
        Assert.Equal("pushMessage", delivery.OperationId);
        Assert.Equal([Lines.UserId], delivery.Recipients);
        Assert.Contains("Your order shipped", delivery.MessagesJson, StringComparison.Ordinal);
        Assert.Equal("Bearer token-for-this-test", Assert.Single(line.Requests).Authorization);
    }

    [Fact]
    public async Task A_throttled_push_is_retried_by_the_client_and_delivered_once()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(FakeLineFault.Throttled(operationId: "pushMessage"));
        var options = new LineMessagingOptions();
        line.ConfigureClient(options);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        using var http = new HttpClient();
        using var client = new LineMessagingClient(http, options);

        await client.PushMessageAsync(Lines.UserId, [new TextMessage("after a 429")], Ct);

        Assert.Equal([429, 200], line.RequestsOf("pushMessage").Select(r => r.Status));
        Assert.Equal(1, line.DeliveriesByRecipient[Lines.UserId]);
    }
}
