using System.Text.Json;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Client;

public sealed class SendPathTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    [Fact]
    public async Task Push_sends_spec_json_with_bearer_token_and_a_uuid_retry_key()
    {
        await using var line = await FakeLineHarness.StartAsync();

        var response = await line.Client.PushMessageAsync(UserId, [new TextMessage("Your order shipped")], TestContext.Current.CancellationToken);

        var request = Assert.Single(line.Server.RequestsOf("pushMessage"));
        Assert.Equal("Bearer " + FakeLineServer.DefaultAccessToken, request.Authorization);
        Assert.True(Guid.TryParseExact(request.RetryKey, "D", out _), $"retry key '{request.RetryKey}' is not a UUID");
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(UserId, body.RootElement.GetProperty("to").GetString());
        var message = Assert.Single(body.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("""{"type":"text","text":"Your order shipped"}""", message.GetRawText());
        Assert.False(body.RootElement.TryGetProperty("notificationDisabled", out _), "a default false must be left out");

        Assert.Equal(200, response.Status);
        Assert.NotNull(response.RequestId);
        Assert.Single(response.Value.SentMessages);
        Assert.Null(response.AcceptedRequestId);
        Assert.Equal(1, line.Server.DeliveriesByRecipient[UserId]);
    }

    [Fact]
    public async Task Each_logical_push_gets_its_own_retry_key_and_a_given_key_is_used_as_is()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var mine = Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;

        await line.Client.PushMessageAsync(UserId, [new TextMessage("one")], ct);
        await line.Client.PushMessageAsync(UserId, [new TextMessage("two")], ct);
        await line.Client.PushMessageAsync(new PushMessageRequest(UserId, [new TextMessage("three")]), mine, ct);

        var keys = line.Server.RequestsOf("pushMessage").Select(r => r.RetryKey).ToArray();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(mine.ToString("D"), keys[2]);
    }

    [Fact]
    public async Task Reply_in_one_line_and_a_used_reply_token_gives_LineApiException_with_lines_message_and_request_id()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var first = await line.Client.ReplyTextAsync("reply-token-1", "Thanks!", ct);
        var error = await Assert.ThrowsAsync<LineApiException>(() => line.Client.ReplyTextAsync("reply-token-1", "Again", ct));

        Assert.Equal(200, first.Status);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("Invalid reply token", error.LineMessage);
        Assert.Equal("replyMessage", error.OperationId);
        var second = line.Server.RequestsOf("replyMessage")[1];
        Assert.Null(second.RetryKey);
        Assert.NotNull(error.RequestId);
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, line.Server.RequestsOf("replyMessage").Count);
    }

    [Fact]
    public async Task Issue_link_token_posts_to_the_users_path_and_reads_the_token()
    {
        await using var line = await FakeLineHarness.StartAsync();

        var response = await line.Client.IssueLinkTokenAsync(UserId, TestContext.Current.CancellationToken);

        Assert.StartsWith("link-" + UserId, response.Value.LinkToken, StringComparison.Ordinal);
        var request = Assert.Single(line.Server.RequestsOf("issueLinkToken"));
        Assert.Equal($"/v2/bot/user/{UserId}/linkToken", request.PathAndQuery);
        Assert.Equal("POST", request.Method);
    }

    [Fact]
    public async Task Lines_validation_details_reach_the_exception()
    {
        await using var line = await FakeLineHarness.StartAsync();

        // An unknown message type passes the client (it keeps raw JSON) but the server's schema check rejects it.
        using var raw = JsonDocument.Parse("""{"type":"hologram","text":"x"}""");
        var error = await Assert.ThrowsAsync<LineApiException>(() =>
            line.Client.PushMessageAsync(UserId, [new UnknownMessage(raw.RootElement)], TestContext.Current.CancellationToken));

        Assert.Equal(400, (int)error.StatusCode);
        var detail = Assert.Single(error.Details);
        Assert.Equal("messages[0].type", detail.Property);
        Assert.Single(line.Server.RequestsOf("pushMessage")); // a 400 is final: not retried
    }

    [Fact]
    public async Task A_wrong_token_gets_401_without_retries()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.ChannelAccessToken = "not-the-token");

        var error = await Assert.ThrowsAsync<LineApiException>(() =>
            line.Client.IssueLinkTokenAsync(UserId, TestContext.Current.CancellationToken));

        Assert.Equal(401, (int)error.StatusCode);
        Assert.Single(line.Server.Requests);
    }
}
