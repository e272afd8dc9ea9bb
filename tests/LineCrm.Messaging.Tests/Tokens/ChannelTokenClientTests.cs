using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;
using LineCrm.Messaging.Tokens;

namespace LineCrm.Messaging.Tests.Tokens;

public sealed class ChannelTokenClientTests
{
    [Fact]
    public async Task A_v21_token_is_issued_verified_listed_by_kid_and_revoked()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var issued = (await line.Client.IssueChannelTokenByJwtAsync(line.Assertion(TimeSpan.FromHours(6)), ct)).Value;
        var info = (await line.Client.VerifyChannelTokenByJwtAsync(issued.AccessToken, ct)).Value;
        var kids = (await line.Client.GetValidChannelTokenKeyIdsAsync(line.Assertion(), ct)).Value;
        await line.Client.RevokeChannelTokenByJwtAsync(line.ChannelId, line.ChannelSecret, issued.AccessToken, ct);
        var afterRevoke = await Assert.ThrowsAsync<LineApiException>(() => line.Client.VerifyChannelTokenByJwtAsync(issued.AccessToken, ct));

        Assert.Equal(6 * 3600, issued.ExpiresIn);
        Assert.Equal("Bearer", issued.TokenType);
        Assert.NotNull(issued.KeyId);
        Assert.Equal(line.ChannelId, info.ClientId);
        Assert.Contains(issued.KeyId, kids.Kids);
        Assert.Equal(400, (int)afterRevoke.StatusCode);
        Assert.Equal("invalid_request: access token expired or revoked", afterRevoke.LineMessage);

        var request = line.Server.RequestsOf("issueChannelTokenByJWT")[0];
        Assert.Null(request.Authorization is { Length: > 0 } ? request.Authorization : null);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_is_refused_with_lines_oauth_error()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var (otherJwk, _) = TestSigningKeys.NewKey();
        using var impostor = LineAssertionSigningKey.FromJwk(otherJwk, FakeTokenHarness.KeyId);

        var error = await Assert.ThrowsAsync<LineApiException>(() => line.Client.IssueChannelTokenByJwtAsync(
            LineJwtAssertion.Create(impostor, line.ChannelId, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken));

        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("issueChannelTokenByJWT", error.OperationId);
        Assert.Contains("signature does not verify", error.LineMessage, StringComparison.Ordinal);
        Assert.Single(line.Server.RequestsOf("issueChannelTokenByJWT")); // a 400 is final
    }

    [Fact]
    public async Task Stateless_tokens_come_from_an_assertion_or_the_secret_and_short_lived_ones_from_the_secret()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var byJwt = (await line.Client.IssueStatelessChannelTokenAsync(line.Assertion(), ct)).Value;
        var bySecret = (await line.Client.IssueStatelessChannelTokenAsync(line.ChannelId, line.ChannelSecret, ct)).Value;
        var shortLived = (await line.Client.IssueChannelTokenAsync(line.ChannelId, line.ChannelSecret, ct)).Value;
        var verified = (await line.Client.VerifyChannelTokenAsync(shortLived.AccessToken, ct)).Value;
        await line.Client.RevokeChannelTokenAsync(shortLived.AccessToken, ct);

        Assert.Equal(TimeSpan.FromMinutes(15), byJwt.Lifetime);
        Assert.Equal(TimeSpan.FromMinutes(15), bySecret.Lifetime);
        Assert.Equal(TimeSpan.FromDays(30), shortLived.Lifetime);
        Assert.Equal(line.ChannelId, verified.ClientId);
        Assert.False(line.Server.Platform.IsValidIssuedToken(shortLived.AccessToken));
        Assert.True(line.Server.Platform.IsValidIssuedToken(byJwt.AccessToken));
    }

    [Fact]
    public async Task A_wrong_secret_gets_400_and_a_429_is_retried()
    {
        await using var line = await FakeTokenHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var wrong = await Assert.ThrowsAsync<LineApiException>(() => line.Client.IssueChannelTokenAsync(line.ChannelId, "nope", ct));
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "issueChannelToken"));
        var issued = await line.Client.IssueChannelTokenAsync(line.ChannelId, line.ChannelSecret, ct);

        Assert.Equal(400, (int)wrong.StatusCode);
        Assert.StartsWith("invalid_client", wrong.LineMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("nope", wrong.Message, StringComparison.Ordinal);
        Assert.Equal(200, issued.Status);
        Assert.Equal([400, 429, 200], line.Server.RequestsOf("issueChannelToken").Select(r => r.Status));
    }

    [Fact]
    public void Issued_tokens_do_not_print_themselves()
    {
        var token = new IssuedChannelToken("very-secret-token", 900, "Bearer");
        Assert.DoesNotContain("very-secret-token", token.ToString(), StringComparison.Ordinal);
    }
}
