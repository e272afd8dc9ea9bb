using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Messaging.Tests.Tokens;

public sealed class RenewingChannelTokenProviderTests
{
    private const string Issue = "issueChannelTokenByJWT";

    [Fact]
    public async Task The_token_is_cached_and_renewed_once_inside_the_margin()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = new RenewingChannelTokenProvider(
            line.Client, LineChannelTokenSource.V21(line.ChannelId, line.Key, TimeSpan.FromHours(1)), TimeSpan.FromMinutes(5), time);
        var ct = TestContext.Current.CancellationToken;

        var first = await provider.GetAccessTokenAsync(ct);
        time.Advance(TimeSpan.FromMinutes(54));
        var cached = await provider.GetAccessTokenAsync(ct);
        time.Advance(TimeSpan.FromMinutes(1)); // 55 minutes: 5 minutes left, inside the margin
        var renewed = await provider.GetAccessTokenAsync(ct);
        var again = await provider.GetAccessTokenAsync(ct);

        Assert.Equal(first, cached);
        Assert.NotEqual(first, renewed);
        Assert.Equal(renewed, again);
        Assert.Equal(2, line.Server.RequestsOf(Issue).Count);
        Assert.Equal(2, provider.Renewals);
    }

    [Fact]
    public async Task Many_callers_at_renewal_time_share_one_issue_request()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var provider = new RenewingChannelTokenProvider(line.Client, LineChannelTokenSource.V21(line.ChannelId, line.Key));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.SlowAfterProcessing, Issue) { Release = release.Task });

        var callers = Enumerable.Range(0, 50).Select(_ => provider.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask()).ToArray();
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Single(tokens.Distinct());
        Assert.Single(line.Server.RequestsOf(Issue));
        Assert.Equal(1, provider.Renewals);
    }

    [Fact]
    public async Task A_failed_renewal_keeps_the_still_valid_token_and_fails_once_it_has_expired()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = new RenewingChannelTokenProvider(
            line.Client, LineChannelTokenSource.ShortLived(line.ChannelId, line.ChannelSecret), TimeSpan.FromDays(1), time);
        var ct = TestContext.Current.CancellationToken;
        var first = await provider.GetAccessTokenAsync(ct);

        line.Server.Platform.ChannelSecret = "rotated"; // every renewal now fails with 400
        time.Advance(TimeSpan.FromDays(29.5));
        var stillFirst = await provider.GetAccessTokenAsync(ct);
        time.Advance(TimeSpan.FromDays(1));
        var error = await Assert.ThrowsAsync<LineApiException>(() => provider.GetAccessTokenAsync(ct).AsTask());

        Assert.Equal(first, stillFirst);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal(3, line.Server.RequestsOf("issueChannelToken").Count);
    }

    [Fact]
    public async Task The_messaging_client_sends_with_the_issued_token()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var provider = new RenewingChannelTokenProvider(line.Client, LineChannelTokenSource.Stateless(line.ChannelId, line.Key));
        using var http = new HttpClient();
        var options = FakeLineHarness.FastOptions(line.Server);
        options.ChannelAccessToken = null;
        using var client = new LineMessagingClient(http, options, provider);

        await client.IssueLinkTokenAsync("U4af4980629a1b2c3d4e5f60718293a4b", TestContext.Current.CancellationToken);

        var sent = Assert.Single(line.Server.RequestsOf("issueLinkToken"));
        Assert.StartsWith("Bearer stateless-token-", sent.Authorization, StringComparison.Ordinal);
        Assert.Equal(200, sent.Status);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_renewal()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var provider = new RenewingChannelTokenProvider(line.Client, LineChannelTokenSource.V21(line.ChannelId, line.Key));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.SlowAfterProcessing, Issue) { Release = release.Task });
        using var impatient = new CancellationTokenSource();

        var gaveUp = provider.GetAccessTokenAsync(impatient.Token).AsTask();
        var patient = provider.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        release.SetResult();

        Assert.StartsWith("v2.1-token-", await patient, StringComparison.Ordinal);
        Assert.Single(line.Server.RequestsOf(Issue));
    }
}
