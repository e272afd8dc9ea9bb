using System.Net;
using System.Text;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>End to end over loopback: real Kestrel, real HTTP, the endpoint as an integrator maps it.</summary>
public sealed class WebhookEndpointTests
{
    [Fact]
    public async Task A_good_request_is_answered_200_and_its_event_dispatched_once()
    {
        await using var server = await WebhookTestServer.StartAsync();

        using var response = await server.PostAsync(Payloads.Text("01HZ0000000000000000000001", "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dispatched = await server.StopAndCollectAsync();
        var message = Assert.IsType<MessageEvent>(Assert.Single(dispatched));
        Assert.Equal("hello", Assert.IsType<TextMessageContent>(message.Message).Text);
        Assert.Equal("01HZ0000000000000000000001", message.WebhookEventId);
    }

    [Fact]
    public async Task A_redelivered_event_is_dispatched_once()
    {
        await using var server = await WebhookTestServer.StartAsync();
        const string id = "01HZ0000000000000000000002";

        using var first = await server.PostAsync(Payloads.Text(id, "once"));
        using var again = await server.PostAsync(Payloads.Text(id, "once", redelivery: true));
        using var other = await server.PostAsync(Payloads.Text("01HZ0000000000000000000003", "twice"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // LINE must not retry it again
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var dispatched = await server.StopAndCollectAsync();
        Assert.Equal([id, "01HZ0000000000000000000003"], dispatched.Select(e => e.WebhookEventId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_with_a_repeated_id_dispatches_each_id_once_and_events_without_id_always()
    {
        await using var server = await WebhookTestServer.StartAsync();
        var a = Payloads.EventOf(Payloads.Follow("01HZ0000000000000000000004"));
        var noId = """{"type":"unfollow","timestamp":1462629479859,"source":{"type":"user","userId":"U1"}}""";

        using var response = await server.PostAsync(Payloads.Body(a, a, noId, noId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dispatched = await server.StopAndCollectAsync();
        Assert.Single(dispatched.OfType<FollowEvent>());
        Assert.Equal(2, dispatched.OfType<UnfollowEvent>().Count());
    }

    [Theory]
    [InlineData("wrong_secret")]
    [InlineData(null)]
    public async Task A_bad_or_missing_signature_is_401_and_nothing_is_dispatched(string? signWith)
    {
        await using var server = await WebhookTestServer.StartAsync();

        using var response = await server.PostAsync(Payloads.Text("01HZ0000000000000000000005", "forged"), signWith);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await server.StopAndCollectAsync());
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_401()
    {
        await using var server = await WebhookTestServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(Payloads.Text("01HZ0000000000000000000006", "pay 10"));
        var signature = WebhookSignature.Compute(WebhookTestServer.Secret, body);
        var tampered = Encoding.UTF8.GetBytes(Payloads.Text("01HZ0000000000000000000006", "pay 99"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callback") { Content = new ByteArrayContent(tampered) };
        request.Headers.Add(WebhookSignature.HeaderName, signature);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await server.StopAndCollectAsync());
    }

    [Theory]
    [InlineData("{\"destination\":\"U1\",\"events\":[")]
    [InlineData("{\"destination\":\"U1\",\"events\":{\"type\":\"follow\"}}")]
    [InlineData("not json at all")]
    public async Task A_correctly_signed_malformed_body_is_400_and_nothing_is_dispatched(string body)
    {
        await using var server = await WebhookTestServer.StartAsync();

        using var response = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await server.StopAndCollectAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // no Content-Length: the limit is enforced while reading
    public async Task An_oversize_body_is_413_and_nothing_is_dispatched(bool chunked)
    {
        await using var server = await WebhookTestServer.StartAsync(o => o.MaxBodySize = 4096);
        var padding = new string(' ', 4096);
        var body = Encoding.UTF8.GetBytes(Payloads.Text("01HZ0000000000000000000007", "big") + padding);

        using var response = await server.PostAsync(body, chunked: chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await server.StopAndCollectAsync());
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted()
    {
        var json = Payloads.Text("01HZ0000000000000000000008", "fits");
        var body = Encoding.UTF8.GetBytes(json);
        await using var server = await WebhookTestServer.StartAsync(o => o.MaxBodySize = body.Length);

        using var response = await server.PostAsync(body, chunked: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await server.StopAndCollectAsync());
    }

    [Fact]
    public async Task The_default_limit_is_one_mebibyte()
    {
        await using var server = await WebhookTestServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(Payloads.Text("01HZ0000000000000000000009", "x") + new string(' ', 1024 * 1024));

        using var response = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_event_list_is_200_so_LINE_can_verify_the_URL()
    {
        await using var server = await WebhookTestServer.StartAsync();

        using var response = await server.PostAsync(Payloads.Body());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await server.StopAndCollectAsync());
    }

    [Fact]
    public async Task Only_POST_reaches_the_endpoint()
    {
        await using var server = await WebhookTestServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/callback", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_rejection_is_logged_with_its_reason_but_never_the_secret()
    {
        await using var server = await WebhookTestServer.StartAsync();

        using var response = await server.PostAsync(Payloads.Body(), "wrong_secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var log = Assert.Single(server.Logs.GetSnapshot(), r => r.Category!.EndsWith("LineWebhookEndpoint", StringComparison.Ordinal));
        Assert.Contains("401", log.Message, StringComparison.Ordinal);
        Assert.Contains("X-Line-Signature", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Logs.GetSnapshot(), r => r.Message.Contains(WebhookTestServer.Secret, StringComparison.Ordinal));
    }
}
