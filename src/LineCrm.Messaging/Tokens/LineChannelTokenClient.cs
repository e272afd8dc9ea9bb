using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineCrm.Messaging.Tokens;

/// <summary>
/// The channel access token API (<c>channel-access-token.yml</c>): issue, verify and revoke v2.1, stateless and
/// short-lived tokens. A client of its own, apart from <see cref="LineMessagingClient"/>, because these endpoints
/// authenticate with channel credentials in a form body instead of a bearer token, and a token provider needs them
/// before any bearer token exists. Same pipeline otherwise: retries, timeouts, rate limits, <see cref="LineApiException"/>.
/// </summary>
/// <remarks>Every operation is virtual so it can be replaced in tests.</remarks>
public class LineChannelTokenClient : IDisposable
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly LineTransport? _transport;

    /// <summary>Creates a client sending through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The HttpClient to send with.</param>
    /// <param name="options">Hosts, retries, timeouts, rate limits; <see cref="LineMessagingOptions.ChannelAccessToken"/> is not used.</param>
    /// <param name="logger">Where to log; tokens, secrets and assertions are never logged.</param>
    /// <param name="timeProvider">The clock for backoff and timeouts.</param>
    public LineChannelTokenClient(
        HttpClient httpClient, LineMessagingOptions options, ILogger<LineChannelTokenClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid LINE options: " + string.Join(" ", problems), nameof(options));
        }

        _transport = new LineTransport(
            () => httpClient, options, NoBearerToken.Instance, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>For mocking: an instance that sends nothing.</summary>
    protected LineChannelTokenClient()
    {
    }

    /// <summary>Issues a v2.1 channel access token with a JWT assertion (see <see cref="LineJwtAssertion"/>).</summary>
    /// <param name="clientAssertion">The signed JWT.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">LINE refused (a bad signature or an unknown kid: 400).</exception>
    [LineOperation("issueChannelTokenByJWT")]
    public virtual Task<LineResponse<IssuedChannelToken>> IssueChannelTokenByJwtAsync(string clientAssertion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientAssertion);
        return FormAsync(
            Operations.IssueByJwt,
            "oauth2/v2.1/token",
            [new("grant_type", "client_credentials"), new("client_assertion_type", JwtBearer), new("client_assertion", clientAssertion)],
            LinePlatformJsonContext.Default.IssuedChannelToken,
            cancellationToken);
    }

    /// <summary>Says whether a v2.1 token is valid, for which channel and how long.</summary>
    /// <param name="accessToken">The token to check.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("verifyChannelTokenByJWT")]
    public virtual Task<LineResponse<ChannelTokenInfo>> VerifyChannelTokenByJwtAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        return ReadAsync(
            Operations.VerifyByJwt, "oauth2/v2.1/verify?access_token=" + Uri.EscapeDataString(accessToken),
            LinePlatformJsonContext.Default.ChannelTokenInfo, cancellationToken);
    }

    /// <summary>Revokes a v2.1 token.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="channelSecret">The channel secret.</param>
    /// <param name="accessToken">The token to revoke.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("revokeChannelTokenByJWT")]
    public virtual Task<LineResponse> RevokeChannelTokenByJwtAsync(
        string channelId, string channelSecret, string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        return FormAsync(
            Operations.RevokeByJwt,
            "oauth2/v2.1/revoke",
            [new("client_id", channelId), new("client_secret", channelSecret), new("access_token", accessToken)],
            cancellationToken);
    }

    /// <summary>Lists the key ids of the channel's valid v2.1 tokens.</summary>
    /// <param name="clientAssertion">A signed JWT assertion.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getsAllValidChannelAccessTokenKeyIds")]
    public virtual Task<LineResponse<ChannelTokenKeyIds>> GetValidChannelTokenKeyIdsAsync(string clientAssertion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientAssertion);
        return ReadAsync(
            Operations.KeyIds,
            $"oauth2/v2.1/tokens/kid?client_assertion_type={Uri.EscapeDataString(JwtBearer)}&client_assertion={Uri.EscapeDataString(clientAssertion)}",
            LinePlatformJsonContext.Default.ChannelTokenKeyIds,
            cancellationToken);
    }

    /// <summary>Issues a stateless token (valid 15 minutes, cannot be revoked) with a JWT assertion.</summary>
    /// <param name="clientAssertion">A signed JWT assertion.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("issueStatelessChannelToken")]
    public virtual Task<LineResponse<IssuedChannelToken>> IssueStatelessChannelTokenAsync(string clientAssertion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientAssertion);
        return FormAsync(
            Operations.IssueStateless,
            "oauth2/v3/token",
            [new("grant_type", "client_credentials"), new("client_assertion_type", JwtBearer), new("client_assertion", clientAssertion)],
            LinePlatformJsonContext.Default.IssuedChannelToken,
            cancellationToken);
    }

    /// <summary>Issues a stateless token (valid 15 minutes) with the channel id and secret.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="channelSecret">The channel secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("issueStatelessChannelToken")]
    public virtual Task<LineResponse<IssuedChannelToken>> IssueStatelessChannelTokenAsync(
        string channelId, string channelSecret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        return FormAsync(
            Operations.IssueStateless,
            "oauth2/v3/token",
            [new("grant_type", "client_credentials"), new("client_id", channelId), new("client_secret", channelSecret)],
            LinePlatformJsonContext.Default.IssuedChannelToken,
            cancellationToken);
    }

    /// <summary>Issues a short-lived token (valid 30 days, at most 30 per channel) with the channel id and secret.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="channelSecret">The channel secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("issueChannelToken")]
    public virtual Task<LineResponse<IssuedChannelToken>> IssueChannelTokenAsync(
        string channelId, string channelSecret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        return FormAsync(
            Operations.IssueShortLived,
            "v2/oauth/accessToken",
            [new("grant_type", "client_credentials"), new("client_id", channelId), new("client_secret", channelSecret)],
            LinePlatformJsonContext.Default.IssuedChannelToken,
            cancellationToken);
    }

    /// <summary>Says whether a short-lived or long-lived token is valid.</summary>
    /// <param name="accessToken">The token to check.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("verifyChannelToken")]
    public virtual Task<LineResponse<ChannelTokenInfo>> VerifyChannelTokenAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        return FormAsync(
            Operations.Verify, "v2/oauth/verify", [new("access_token", accessToken)], LinePlatformJsonContext.Default.ChannelTokenInfo, cancellationToken);
    }

    /// <summary>Revokes a short-lived or long-lived token.</summary>
    /// <param name="accessToken">The token to revoke.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("revokeChannelToken")]
    public virtual Task<LineResponse> RevokeChannelTokenAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        return FormAsync(Operations.Revoke, "v2/oauth/revoke", [new("access_token", accessToken)], cancellationToken);
    }

    /// <summary>Releases the rate limiters.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport?.Dispose();
        }
    }

    private LineTransport Transport => _transport
        ?? throw new InvalidOperationException("This LineChannelTokenClient was built for mocking; override the operation you call.");

    private async Task<LineResponse<T>> FormAsync<T>(
        LineOperationInfo operation, string path, KeyValuePair<string, string>[] fields, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        var raw = await Transport.SendAsync(operation, path, () => new FormUrlEncodedContent(fields), null, streamed: false, cancellationToken)
            .ConfigureAwait(false);
        return new LineResponse<T>(raw.Status, raw.RequestId, Read(operation, raw, info));
    }

    private async Task<LineResponse> FormAsync(
        LineOperationInfo operation, string path, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        var raw = await Transport.SendAsync(operation, path, () => new FormUrlEncodedContent(fields), null, streamed: false, cancellationToken)
            .ConfigureAwait(false);
        return new LineResponse(raw.Status, raw.RequestId);
    }

    private async Task<LineResponse<T>> ReadAsync<T>(LineOperationInfo operation, string path, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        var raw = await Transport.SendAsync(operation, path, content: null, null, streamed: false, cancellationToken).ConfigureAwait(false);
        return new LineResponse<T>(raw.Status, raw.RequestId, Read(operation, raw, info));
    }

    private static T Read<T>(LineOperationInfo operation, LineRawResponse raw, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(raw.Body, info)
        ?? throw new JsonException($"LINE {operation.OperationId} answered with an empty body where {typeof(T).Name} was expected.");

    /// <summary>The token endpoints: no bearer token, and (issuing aside) safe to repeat.</summary>
    private static class Operations
    {
        // Issuing twice after a lost answer leaves one unused token that simply expires, so issuing is retried too.
        public static readonly LineOperationInfo IssueByJwt = new("issueChannelTokenByJWT", HttpMethod.Post, Authenticated: false);
        public static readonly LineOperationInfo VerifyByJwt = new("verifyChannelTokenByJWT", HttpMethod.Get, Authenticated: false);
        public static readonly LineOperationInfo RevokeByJwt = new("revokeChannelTokenByJWT", HttpMethod.Post, Authenticated: false);
        public static readonly LineOperationInfo KeyIds = new("getsAllValidChannelAccessTokenKeyIds", HttpMethod.Get, Authenticated: false);
        public static readonly LineOperationInfo IssueStateless = new("issueStatelessChannelToken", HttpMethod.Post, Authenticated: false);
        public static readonly LineOperationInfo IssueShortLived = new("issueChannelToken", HttpMethod.Post, Authenticated: false);
        public static readonly LineOperationInfo Verify = new("verifyChannelToken", HttpMethod.Post, Authenticated: false);
        public static readonly LineOperationInfo Revoke = new("revokeChannelToken", HttpMethod.Post, Authenticated: false);
    }

    /// <summary>The transport asks a provider for a token only for authenticated operations; these have none.</summary>
    private sealed class NoBearerToken : ILineChannelTokenProvider
    {
        public static readonly NoBearerToken Instance = new();

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The channel-token endpoints take no bearer token.");
    }
}
