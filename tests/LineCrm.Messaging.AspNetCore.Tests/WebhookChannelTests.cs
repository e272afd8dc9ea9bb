using System.Net;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>One endpoint, several channels: each secret only for its own bot, and events carry their channel's client name.</summary>
public sealed class WebhookChannelTests
{
    private const string OtherBot = "Ufedcba9876543210fedcba9876543210";

    private static void TwoChannels(LineWebhookOptions options)
    {
        options.Channels.Clear();
        options.Channels.Add(new LineWebhookChannel { Secret = "shop_secret", Destination = Payloads.Destination, MessagingChannelName = "shop" });
        options.Channels.Add(new LineWebhookChannel { Secret = "support_secret", Destination = OtherBot, MessagingChannelName = "support" });
    }

    [Fact]
    public async Task Each_event_knows_the_messaging_channel_of_its_destination()
    {
        string? seen = null;
        await using var server = await WebhookTestServer.StartAsync(TwoChannels, h => h.On<FollowEvent>((_, context, _) =>
        {
            seen = $"{context.Destination}:{context.MessagingChannelName}";
            return Task.CompletedTask;
        }));

        using var response = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000030"), "shop_secret");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await server.StopAndCollectAsync());
        Assert.Equal($"{Payloads.Destination}:shop", seen);
    }

    [Fact]
    public async Task A_body_signed_with_another_channels_secret_is_401()
    {
        await using var server = await WebhookTestServer.StartAsync(TwoChannels);

        // Addressed to the shop's bot but signed with the support channel's secret.
        using var response = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000031"), "support_secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await server.StopAndCollectAsync());
    }

    [Fact]
    public async Task During_a_rotation_both_secrets_are_accepted()
    {
        await using var server = await WebhookTestServer.StartAsync(o => o.AddChannelSecret("rotated_secret"));

        using var old = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000032"));
        using var rotated = await server.PostAsync(Payloads.Follow("01HZ0000000000000000000033"), "rotated_secret");

        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(2, (await server.StopAndCollectAsync()).Count);
    }
}
