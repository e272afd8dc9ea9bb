using System.Net;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>Rate limits per operation, timed by the fake's clock: 429 past the limit, nothing sent, open again after the window.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_limit_a_request_gets_429_with_Retry_After_and_is_not_acted_on()
    {
        var clock = new SignalingTimeProvider();
        await using var line = await FakeLineServer.StartAsync(new FakeLineServerOptions { TimeProvider = clock }, Ct);
        line.SetRateLimit(new FakeLineRateLimit(2, TimeSpan.FromSeconds(10), "pushMessage"));
        using var http = Lines.Client(line);

        using var first = await http.PushAsync("1", Ct);
        clock.Advance(TimeSpan.FromSeconds(3));
        using var second = await http.PushAsync("2", Ct);
        using var third = await http.PushAsync("3", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(7), third.Headers.RetryAfter?.Delta); // the window opened at the first request
        Assert.Contains("The API rate limit has been exceeded", await third.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, line.Deliveries.Count);
        Assert.Equal(2, line.DeliveriesByRecipient[Lines.UserId]);
    }

    [Fact]
    public async Task The_window_opens_again_when_the_clock_passes_it()
    {
        var clock = new SignalingTimeProvider();
        await using var line = await FakeLineServer.StartAsync(new FakeLineServerOptions { TimeProvider = clock }, Ct);
        line.SetRateLimit(new FakeLineRateLimit(1, TimeSpan.FromSeconds(1), "pushMessage"));
        using var http = Lines.Client(line);

        using var allowed = await http.PushAsync("1", Ct);
        using var refused = await http.PushAsync("2", Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var again = await http.PushAsync("3", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (allowed.StatusCode, refused.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task A_limit_for_all_operations_counts_each_operation_on_its_own()
    {
        await using var line = await FakeLineServer.StartAsync(new FakeLineServerOptions { TimeProvider = new SignalingTimeProvider() }, Ct);
        line.SetRateLimit(new FakeLineRateLimit(1, TimeSpan.FromMinutes(1)));
        using var http = Lines.Client(line);

        using var push = await http.PushAsync("1", Ct);
        using var quota = await http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative), Ct);
        using var secondQuota = await http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (push.StatusCode, quota.StatusCode, secondQuota.StatusCode));
    }

    [Fact]
    public async Task Retry_After_can_be_left_out_and_limits_cleared()
    {
        await using var line = await FakeLineServer.StartAsync(new FakeLineServerOptions { TimeProvider = new SignalingTimeProvider() }, Ct);
        line.SetRateLimit(new FakeLineRateLimit(1, TimeSpan.FromMinutes(1), "pushMessage") { SendRetryAfter = false });
        using var http = Lines.Client(line);

        using var first = await http.PushAsync("1", Ct);
        using var limited = await http.PushAsync("2", Ct);
        line.ClearRateLimits();
        using var cleared = await http.PushAsync("3", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
    }

    [Fact]
    public async Task A_limit_that_cannot_hold_is_refused()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);

        Assert.Throws<ArgumentOutOfRangeException>(() => line.SetRateLimit(new FakeLineRateLimit(0, TimeSpan.FromSeconds(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => line.SetRateLimit(new FakeLineRateLimit(1, TimeSpan.Zero)));
    }
}
