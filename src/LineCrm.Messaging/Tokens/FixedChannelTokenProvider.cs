namespace LineCrm.Messaging.Tokens;

/// <summary>
/// A long-lived channel access token issued in the LINE Developers Console, used as is. Issuing and refreshing
/// short-lived tokens belongs to other providers.
/// </summary>
public sealed class FixedChannelTokenProvider : ILineChannelTokenProvider
{
    private readonly string _token;

    /// <summary>Wraps <paramref name="accessToken"/>.</summary>
    /// <param name="accessToken">The channel access token; not empty, no surrounding or inner white space.</param>
    /// <exception cref="ArgumentException">The token is empty or contains white space.</exception>
    public FixedChannelTokenProvider(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        if (accessToken.Any(char.IsWhiteSpace))
        {
            // The value itself is a secret: say what is wrong without echoing it.
            throw new ArgumentException("The channel access token must not contain white space.", nameof(accessToken));
        }

        _token = accessToken;
    }

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);

    /// <summary>Names the provider without revealing the token.</summary>
    public override string ToString() => "FixedChannelTokenProvider(****)";
}
