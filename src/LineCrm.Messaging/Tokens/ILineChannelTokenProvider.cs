namespace LineCrm.Messaging.Tokens;

/// <summary>
/// Supplies the channel access token that authorizes each request to the LINE Messaging API. The client asks for
/// the token on every attempt, so a provider that refreshes tokens takes effect without rebuilding the client.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: many sends ask at once. The token is a secret: implementations must never
/// log it or put it in an exception message.
/// </remarks>
public interface ILineChannelTokenProvider
{
    /// <summary>Returns the channel access token to send as <c>Authorization: Bearer …</c>.</summary>
    /// <param name="cancellationToken">Cancels the wait for a token.</param>
    /// <returns>The token, never empty.</returns>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
