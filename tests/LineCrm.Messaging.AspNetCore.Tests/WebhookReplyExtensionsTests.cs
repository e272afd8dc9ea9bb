using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace LineCrm.Messaging.AspNetCore.Tests;

public sealed class WebhookReplyExtensionsTests
{
    [Fact]
    public async Task An_event_without_a_reply_token_cannot_be_replied_to_and_says_which_event()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var context = new WebhookEventContext("U0", services);
        var failedLink = new AccountLinkEvent { WebhookEventId = "01HZ-NO-TOKEN", Result = "failed" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.ReplyTextAsync(failedLink, "hi", TestContext.Current.CancellationToken));

        Assert.Contains("accountLink event 01HZ-NO-TOKEN has no reply token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_AddLineMessaging_the_error_says_what_to_call()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var context = new WebhookEventContext("U0", services);

        var error = Assert.Throws<InvalidOperationException>(() => context.MessagingClient());

        Assert.Contains("AddLineMessaging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_goes_through_the_client_of_the_events_channel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tokyo = await FakeLineServer.StartAsync("tokyo-token", ct);
        await using var osaka = await FakeLineServer.StartAsync("osaka-token", ct);
        var collection = new ServiceCollection();
        collection.AddLineMessaging("tokyo", o => { o.ChannelAccessToken = tokyo.AccessToken; o.ApiBaseAddress = tokyo.ApiBaseAddress; });
        collection.AddLineMessaging("osaka", o => { o.ChannelAccessToken = osaka.AccessToken; o.ApiBaseAddress = osaka.ApiBaseAddress; });
        await using var services = collection.BuildServiceProvider();
        var context = new WebhookEventContext("Uosaka", services, messagingChannelName: "osaka");

        var response = await context.ReplyTextAsync(new FollowEvent { ReplyToken = "reply-osaka" }, "Welcome to Osaka", ct);

        Assert.Equal(200, response.Status);
        Assert.Empty(tokyo.RequestsOf("replyMessage"));
        var sent = Assert.Single(osaka.RequestsOf("replyMessage"));
        Assert.Contains("Welcome to Osaka", sent.Body, StringComparison.Ordinal);
        Assert.Contains("reply-osaka", sent.Body, StringComparison.Ordinal);
    }
}
