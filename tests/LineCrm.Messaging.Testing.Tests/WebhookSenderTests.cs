using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LineCrm.Messaging.Webhooks;
using LineCrm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>
/// Webhooks posted to a real app on Kestrel as LINE posts them: the signature as LINE computes it (checked on a
/// published HMAC-SHA256 vector and by LineCrm's verifier), the exact bytes signed, and events in webhook.yml's shape.
/// </summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private const string Secret = "webhook-test-secret";
    private readonly Channel<(string? Signature, string? ContentType, string? UserAgent, byte[] Body)> _received = Channel.CreateUnbounded<(string?, string?, string?, byte[])>();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/callback", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            var signature = context.Request.Headers[WebhookSignature.HeaderName].ToString();
            await _received.Writer.WriteAsync((signature, context.Request.ContentType, context.Request.Headers.UserAgent.ToString(), body), context.RequestAborted);
            return WebhookSignature.IsValid(Secret, body, signature) ? Results.Ok() : Results.Unauthorized();
        });
        await _app.StartAsync(Ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_signature_is_base64_HMAC_SHA256_keyed_by_the_secret()
    {
        // RFC 4231 test case 2 (key "Jefe"), its MAC in base64.
        var signature = FakeLineWebhookSender.ComputeSignature("Jefe", "what do ya want for nothing?"u8);

        Assert.Equal("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=", signature);
    }

    [Fact]
    public async Task A_posted_event_reaches_the_app_signed_over_its_exact_bytes()
    {
        var sender = new FakeLineWebhookSender(_http, Secret);
        var message = sender.Events.TextMessage(Lines.UserId, "こんにちは \"quoted\"");

        using var response = await sender.SendAsync(new Uri("/callback", UriKind.Relative), [message], Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _received.Reader.ReadAsync(Ct);
        Assert.Equal(FakeLineWebhookSender.ComputeSignature(Secret, received.Body), received.Signature);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.StartsWith("LineBotWebhook/", received.UserAgent, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(received.Body);
        var text = body.RootElement.GetProperty("events")[0].GetProperty("message").GetProperty("text").GetString();
        Assert.Equal("こんにちは \"quoted\"", text);
    }

    [Fact]
    public async Task Raw_bytes_go_as_they_are_and_a_wrong_signature_is_rejected_by_the_app()
    {
        var sender = new FakeLineWebhookSender(_http, Secret);
        var bytes = Encoding.UTF8.GetBytes("""{ "destination" : "Ub0000000000000000000000000000001", "events" : [] }""");

        using var signed = await sender.SendRawAsync(new Uri("/callback", UriKind.Relative), bytes, cancellationToken: Ct);
        using var forged = await sender.SendRawAsync(new Uri("/callback", UriKind.Relative), bytes, signature: "AAAA", Ct);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(bytes, (await _received.Reader.ReadAsync(Ct)).Body);
    }

    [Fact]
    public async Task The_fake_servers_sender_signs_with_its_channel_secret()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.Platform.ChannelSecret = Secret;
        var sender = line.CreateWebhookSender(_http);

        using var response = await sender.SendAsync(new Uri("/callback", UriKind.Relative), [sender.Events.Follow(Lines.UserId)], Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Built_events_are_valid_under_LINEs_webhook_schema_and_parse_as_LineCrm_events()
    {
        var sender = new FakeLineWebhookSender(_http, Secret);
        var follow = sender.Events.Follow(Lines.UserId);
        var events = new[]
        {
            sender.Events.TextMessage(Lines.UserId, "hi"), follow, sender.Events.Unfollow(Lines.UserId),
            sender.Events.Postback(Lines.UserId, "action=buy&item=1"), FakeLineWebhookEvents.Redelivery(follow),
        };
        var body = sender.CreateBody(events);
        var schema = LineOpenApiDocument.Load(SharedData.Require("line-openapi/webhook.yml"));

        using var json = JsonDocument.Parse(body);
        var problems = new LineOpenApiSchemaValidator(schema.Schemas).Validate(json.RootElement, "#/components/schemas/CallbackRequest");
        Assert.Empty(problems);

        var parsed = WebhookParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Collection(
            parsed.Events,
            e => Assert.Equal("hi", Assert.IsType<TextMessageContent>(Assert.IsType<MessageEvent>(e).Message).Text),
            e => Assert.False(Assert.IsType<FollowEvent>(e).IsRedelivery),
            e => Assert.IsType<UnfollowEvent>(e),
            e => Assert.Equal("action=buy&item=1", Assert.IsType<PostbackEvent>(e).Data),
            e => Assert.True(Assert.IsType<FollowEvent>(e).IsRedelivery));
        Assert.Equal(parsed.Events[1].WebhookEventId, parsed.Events[4].WebhookEventId);
        Assert.Equal(4, parsed.Events.Select(e => e.WebhookEventId).Distinct().Count());
        Assert.All(parsed.Events, e => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", e.WebhookEventId));
    }
}
