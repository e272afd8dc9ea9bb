using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.WebhookSettings;

public sealed class WebhookEndpointTests
{
    [Fact]
    public async Task Setting_then_reading_the_endpoint_round_trips_through_the_fake()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.WebhookActive = false;

        var set = await line.Client.SetWebhookEndpointAsync(new Uri("https://crm.example/hooks/line?channel=shop"), ct);
        var read = (await line.Client.GetWebhookEndpointAsync(ct)).Value;

        Assert.Equal(200, set.Status);
        Assert.Equal("https://crm.example/hooks/line?channel=shop", line.Server.Platform.WebhookEndpoint);
        Assert.Equal("""{"endpoint":"https://crm.example/hooks/line?channel=shop"}""", Assert.Single(line.Server.RequestsOf("setWebhookEndpoint")).Body);
        Assert.Equal("PUT", line.Server.RequestsOf("setWebhookEndpoint")[0].Method);
        Assert.Equal(new Uri("https://crm.example/hooks/line?channel=shop"), read.Endpoint);
        Assert.False(read.Active);
    }

    [Fact]
    public async Task Testing_reports_what_the_endpoint_answered()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var ok = (await line.Client.TestWebhookEndpointAsync(cancellationToken: ct)).Value;
        line.Server.Platform.WebhookTestStatusCode = 0;
        var unreachable = (await line.Client.TestWebhookEndpointAsync(new Uri("https://down.example/hook"), ct)).Value;

        Assert.True(ok.Success);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("OK", ok.Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 5, 38, 20, 31, TimeSpan.Zero), ok.Timestamp);
        Assert.False(unreachable.Success);
        Assert.Equal(0, unreachable.StatusCode);
        Assert.Equal("COULD_NOT_CONNECT", unreachable.Reason);
        var requests = line.Server.RequestsOf("testWebhookEndpoint");
        Assert.Equal("{}", requests[0].Body);
        Assert.Equal("""{"endpoint":"https://down.example/hook"}""", requests[1].Body);
    }

    [Theory]
    [InlineData("http://crm.example/hook", "https")]
    [InlineData("/relative/hook", "https")]
    [InlineData("ftp://crm.example/hook", "https")]
    public async Task A_url_that_is_not_absolute_https_is_refused_before_sending(string url, string expected)
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);

        var set = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetWebhookEndpointAsync(uri, ct));
        var test = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.TestWebhookEndpointAsync(uri, ct));

        Assert.Contains(expected, set.Message, StringComparison.Ordinal);
        Assert.Equal("endpoint", set.ParamName);
        Assert.Equal("endpoint", test.ParamName);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task A_url_over_500_characters_is_refused_before_sending_and_500_is_accepted()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        const string Prefix = "https://crm.example/";
        var longest = new Uri(Prefix + new string('a', 500 - Prefix.Length));
        var tooLong = new Uri(Prefix + new string('a', 501 - Prefix.Length));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetWebhookEndpointAsync(tooLong, ct));
        Assert.Empty(line.Server.Requests);
        await line.Client.SetWebhookEndpointAsync(longest, ct);

        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("501", error.Message, StringComparison.Ordinal);
        Assert.Equal(longest.OriginalString, line.Server.Platform.WebhookEndpoint);
    }

    [Fact]
    public async Task Lines_429_is_retried_and_a_500_after_retries_surfaces_as_LineApiException()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.Retry.MaxRetries = 1);
        var ct = TestContext.Current.CancellationToken;
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "getWebhookEndpoint"));

        var read = await line.Client.GetWebhookEndpointAsync(ct);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerError, "setWebhookEndpoint"));
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerError, "setWebhookEndpoint"));
        var failed = await Assert.ThrowsAsync<LineApiException>(() => line.Client.SetWebhookEndpointAsync(new Uri("https://new.example/hook"), ct));

        Assert.Equal(200, read.Status);
        Assert.Equal([429, 200], line.Server.RequestsOf("getWebhookEndpoint").Select(r => r.Status));
        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal("https://crm.example/line/webhook", line.Server.Platform.WebhookEndpoint);
    }
}
