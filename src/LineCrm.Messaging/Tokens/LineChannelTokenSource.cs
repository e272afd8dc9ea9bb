using LineCrm.Messaging.Client;

namespace LineCrm.Messaging.Tokens;

/// <summary>
/// How <see cref="RenewingChannelTokenProvider"/> gets a new token: a v2.1 token from a JWT assertion, a stateless
/// token (from an assertion or from the channel secret), or a short-lived token from the channel secret.
/// </summary>
public abstract class LineChannelTokenSource
{
    private protected LineChannelTokenSource()
    {
    }

    /// <summary>v2.1 tokens signed with the channel's Assertion Signing Key; the kind LINE recommends.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="key">The Assertion Signing Key.</param>
    /// <param name="tokenLifetime">How long each token should live (at most 30 days; default 1 day).</param>
    public static LineChannelTokenSource V21(string channelId, LineAssertionSigningKey key, TimeSpan? tokenLifetime = null) =>
        new V21Source(channelId, key, tokenLifetime ?? TimeSpan.FromDays(1));

    /// <summary>Stateless tokens (15 minutes, no limit on how many) from a JWT assertion.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="key">The Assertion Signing Key.</param>
    public static LineChannelTokenSource Stateless(string channelId, LineAssertionSigningKey key) => new StatelessJwtSource(channelId, key);

    /// <summary>Stateless tokens (15 minutes) from the channel id and secret.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="channelSecret">The channel secret.</param>
    public static LineChannelTokenSource Stateless(string channelId, string channelSecret) => new StatelessSecretSource(channelId, channelSecret);

    /// <summary>Short-lived tokens (30 days, at most 30 alive per channel) from the channel id and secret.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="channelSecret">The channel secret.</param>
    public static LineChannelTokenSource ShortLived(string channelId, string channelSecret) => new ShortLivedSource(channelId, channelSecret);

    /// <summary>Issues one token.</summary>
    internal abstract Task<LineResponse<IssuedChannelToken>> IssueAsync(
        LineChannelTokenClient client, TimeProvider time, CancellationToken cancellationToken);

    private sealed class V21Source(string channelId, LineAssertionSigningKey key, TimeSpan lifetime) : LineChannelTokenSource
    {
        internal override Task<LineResponse<IssuedChannelToken>> IssueAsync(LineChannelTokenClient client, TimeProvider time, CancellationToken cancellationToken) =>
            client.IssueChannelTokenByJwtAsync(LineJwtAssertion.Create(key, channelId, time.GetUtcNow(), lifetime), cancellationToken);
    }

    private sealed class StatelessJwtSource(string channelId, LineAssertionSigningKey key) : LineChannelTokenSource
    {
        internal override Task<LineResponse<IssuedChannelToken>> IssueAsync(LineChannelTokenClient client, TimeProvider time, CancellationToken cancellationToken) =>
            client.IssueStatelessChannelTokenAsync(LineJwtAssertion.Create(key, channelId, time.GetUtcNow()), cancellationToken);
    }

    private sealed class StatelessSecretSource(string channelId, string channelSecret) : LineChannelTokenSource
    {
        internal override Task<LineResponse<IssuedChannelToken>> IssueAsync(LineChannelTokenClient client, TimeProvider time, CancellationToken cancellationToken) =>
            client.IssueStatelessChannelTokenAsync(channelId, channelSecret, cancellationToken);
    }

    private sealed class ShortLivedSource(string channelId, string channelSecret) : LineChannelTokenSource
    {
        internal override Task<LineResponse<IssuedChannelToken>> IssueAsync(LineChannelTokenClient client, TimeProvider time, CancellationToken cancellationToken) =>
            client.IssueChannelTokenAsync(channelId, channelSecret, cancellationToken);
    }
}
