using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Client;

public sealed class RetrySafetyTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    // The per-attempt timeout, set apart from every other wait so the signalling clock can leave its timers out.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    // A safety net: a wait that never ends fails the test instead of hanging the run.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(FakeLineFaultKind.ServerError)]
    [InlineData(FakeLineFaultKind.TooManyRequests)]
    [InlineData(FakeLineFaultKind.DropConnection)]
    public async Task A_push_is_retried_with_the_same_key_and_delivered_once(FakeLineFaultKind fault)
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.EnqueueFault(new FakeLineFault(fault, "pushMessage"));

        var response = await line.Client.PushMessageAsync(UserId, [new TextMessage("hello")], TestContext.Current.CancellationToken);

        var attempts = line.Server.RequestsOf("pushMessage");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].RetryKey, attempts[1].RetryKey);
        Assert.Equal(200, response.Status);
        Assert.Equal(1, line.Server.DeliveriesByRecipient[UserId]);
    }

    [Theory]
    [InlineData(FakeLineFaultKind.ServerErrorAfterProcessing)]
    [InlineData(FakeLineFaultKind.DropConnectionAfterProcessing)]
    public async Task A_push_that_LINE_accepted_before_failing_is_reported_as_success_through_409(FakeLineFaultKind fault)
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.EnqueueFault(new FakeLineFault(fault, "pushMessage"));

        var response = await line.Client.PushMessageAsync(UserId, [new TextMessage("hello")], TestContext.Current.CancellationToken);

        var attempts = line.Server.RequestsOf("pushMessage");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(409, attempts[1].Status);
        Assert.Equal(409, response.Status);
        Assert.True(response.WasAlreadyAccepted);
        Assert.Equal(line.Server.Deliveries.Single().RequestId, response.AcceptedRequestId);
        Assert.Single(response.Value.SentMessages); // LINE's 409 body carries the original sentMessages
        Assert.Equal(1, line.Server.DeliveriesByRecipient[UserId]);
    }

    [Fact]
    public async Task A_push_whose_answer_is_too_slow_times_out_and_the_retry_is_recognised_as_already_accepted()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        var neverReleased = new TaskCompletionSource();
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.SlowAfterProcessing, "pushMessage") { Release = neverReleased.Task });

        var response = await line.Client.PushMessageAsync(UserId, [new TextMessage("hello")], TestContext.Current.CancellationToken);

        Assert.True(response.WasAlreadyAccepted);
        Assert.Equal(1, line.Server.DeliveriesByRecipient[UserId]);
    }

    [Theory]
    [InlineData(FakeLineFaultKind.ServerError)]
    [InlineData(FakeLineFaultKind.ServerErrorAfterProcessing)]
    public async Task A_reply_is_not_retried_after_a_server_error_because_its_token_may_be_spent(FakeLineFaultKind fault)
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.EnqueueFault(new FakeLineFault(fault, "replyMessage"));

        var error = await Assert.ThrowsAsync<LineApiException>(() =>
            line.Client.ReplyTextAsync("token-a", "hi", TestContext.Current.CancellationToken));

        Assert.Equal(500, (int)error.StatusCode);
        Assert.Single(line.Server.RequestsOf("replyMessage"));
    }

    [Fact]
    public async Task A_reply_is_not_retried_after_a_dropped_connection()
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.DropConnectionAfterProcessing, "replyMessage"));

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            line.Client.ReplyTextAsync("token-b", "hi", TestContext.Current.CancellationToken));

        Assert.Single(line.Server.RequestsOf("replyMessage"));
        Assert.Single(line.Server.Deliveries); // LINE did act on it: a retry would have failed on a spent token
    }

    [Fact]
    public async Task A_reply_is_retried_after_429_because_LINE_did_not_act_on_it()
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "replyMessage"));

        var response = await line.Client.ReplyTextAsync("token-c", "hi", TestContext.Current.CancellationToken);

        Assert.Equal(200, response.Status);
        Assert.Equal(2, line.Server.RequestsOf("replyMessage").Count);
    }

    [Fact]
    public async Task A_reply_is_retried_when_the_connection_cannot_be_opened()
    {
        // A port that nothing listens on: the request never leaves the machine, so retrying is safe even for a reply.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var logger = new SignalingLogger();
        var options = new LineMessagingOptions { ApiBaseAddress = new Uri($"http://127.0.0.1:{closedPort}/"), ChannelAccessToken = "t" };
        options.Retry.MaxRetries = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        using var http = new HttpClient();
        using var client = new LineMessagingClient(http, options, logger: logger);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.ReplyTextAsync("token-d", "hi", TestContext.Current.CancellationToken));

        Assert.Equal(2, logger.Entries.Count(entry => entry.Id.Id == 1));
    }

    [Fact]
    public async Task Retry_After_is_honoured_exactly()
    {
        // The retry's wait is observed as the timer it starts, not as the log line written just before it: advancing
        // the clock between the two would leave the timer due 7 s after the advanced time, and the push hanging.
        var time = new TimerSignalingTimeProvider(ignored: AttemptTimeout);
        var logger = new SignalingLogger();
        await using var line = await FakeLineHarness.StartAsync(options => options.AttemptTimeout = AttemptTimeout, time, logger);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "pushMessage") { RetryAfter = TimeSpan.FromSeconds(7) });
        var ct = TestContext.Current.CancellationToken;

        var push = line.Client.PushMessageAsync(UserId, [new TextMessage("hello")], ct);
        var wait = await time.NextTimerAsync(ct).WaitAsync(Patience, ct);

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal(TimeSpan.FromSeconds(7), await logger.FirstRetry.Task.WaitAsync(Patience, ct));
        Assert.False(push.IsCompleted);
        Assert.Single(line.Server.RequestsOf("pushMessage"));
        time.Advance(wait - TimeSpan.FromTicks(1));
        Assert.False(push.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        var response = await push.WaitAsync(Patience, ct);
        Assert.Equal(200, response.Status);
        Assert.Equal(2, line.Server.RequestsOf("pushMessage").Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_is_not_waited_out()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(5));
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "pushMessage") { RetryAfter = TimeSpan.FromMinutes(10) });

        var error = await Assert.ThrowsAsync<LineApiException>(() =>
            line.Client.PushMessageAsync(UserId, [new TextMessage("hello")], TestContext.Current.CancellationToken));

        Assert.Equal(429, (int)error.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.Single(line.Server.RequestsOf("pushMessage"));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.Retry.MaxRetries = 3);
        for (var i = 0; i < 10; i++)
        {
            line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerError, "pushMessage"));
        }

        var error = await Assert.ThrowsAsync<LineApiException>(() =>
            line.Client.PushMessageAsync(UserId, [new TextMessage("hello")], TestContext.Current.CancellationToken));

        Assert.Equal(500, (int)error.StatusCode);
        Assert.Equal(4, line.Server.RequestsOf("pushMessage").Count);
        Assert.Empty(line.Server.Deliveries);
    }
}
