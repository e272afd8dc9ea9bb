using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineCrm.Messaging.Tokens;

/// <summary>
/// A token provider that issues channel access tokens itself, caches the current one, and renews it before it
/// expires. When many requests need a token at the moment of renewal, exactly one renewal runs and all of them wait
/// for it (single flight). Plug it into <see cref="Client.LineMessagingClient"/> in place of a fixed token.
/// </summary>
/// <remarks>
/// Renewal starts when less than <see cref="RenewalMargin"/> of the token's life is left. If a renewal fails while
/// the cached token is still valid, the cached token is used and the next request tries again; once it has expired,
/// the failure reaches the caller. A caller that cancels its wait does not cancel the renewal others share.
/// </remarks>
public sealed partial class RenewingChannelTokenProvider : ILineChannelTokenProvider
{
    private readonly LineChannelTokenClient _client;
    private readonly LineChannelTokenSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private CachedToken? _current;
    private Task<CachedToken>? _renewal;

    /// <summary>Creates the provider.</summary>
    /// <param name="client">The token API client.</param>
    /// <param name="source">How to issue tokens.</param>
    /// <param name="renewalMargin">
    /// How long before expiry to renew (default 5 minutes); capped at half a token's life so short tokens are still used.
    /// </param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Logs renewals (never the token).</param>
    public RenewingChannelTokenProvider(
        LineChannelTokenClient client,
        LineChannelTokenSource source,
        TimeSpan? renewalMargin = null,
        TimeProvider? timeProvider = null,
        ILogger<RenewingChannelTokenProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(source);
        if (renewalMargin is { } margin && margin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(renewalMargin), margin, "The renewal margin must not be negative.");
        }

        _client = client;
        _source = source;
        RenewalMargin = renewalMargin ?? TimeSpan.FromMinutes(5);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>How long before expiry a token is renewed.</summary>
    public TimeSpan RenewalMargin { get; }

    /// <summary>How many tokens this provider has issued.</summary>
    public int Renewals { get; private set; }

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> renewal;
        CachedToken? stillValid;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_current is { } current && now < current.RenewAt)
            {
                return current.Token;
            }

            stillValid = _current is { } old && now < old.ExpiresAt ? old : null;
            renewal = _renewal ??= RenewAsync();
        }

        try
        {
            return (await renewal.WaitAsync(cancellationToken).ConfigureAwait(false)).Token;
        }
        catch (Exception e) when (e is not OperationCanceledException && stillValid is not null && _time.GetUtcNow() < stillValid.ExpiresAt)
        {
            // LINE could not be reached for a renewal, but the token in hand still works: use it, try again next time.
            LogRenewalFailedUsingCurrent(_logger, e);
            return stillValid.Token;
        }
    }

    /// <summary>Names the provider without its token.</summary>
    public override string ToString() => "RenewingChannelTokenProvider(****)";

    private async Task<CachedToken> RenewAsync()
    {
        await Task.Yield(); // leave the lock before doing any work
        try
        {
            // Not the caller's token: one caller giving up must not fail the renewal every other caller waits for.
            var issued = (await _source.IssueAsync(_client, _time, CancellationToken.None).ConfigureAwait(false)).Value;
            var issuedAt = _time.GetUtcNow();
            var lifetime = issued.Lifetime;
            var margin = RenewalMargin < lifetime / 2 ? RenewalMargin : lifetime / 2;
            var cached = new CachedToken(issued.AccessToken, issuedAt + lifetime - margin, issuedAt + lifetime);
            lock (_lock)
            {
                _current = cached;
                _renewal = null;
                Renewals++;
            }

            LogRenewed(_logger, lifetime, issued.KeyId);
            return cached;
        }
        catch
        {
            lock (_lock)
            {
                _renewal = null;
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a LINE channel access token valid for {Lifetime} (kid {KeyId})")]
    private static partial void LogRenewed(ILogger logger, TimeSpan lifetime, string? keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the LINE channel access token failed; the current token is still valid and stays in use")]
    private static partial void LogRenewalFailedUsingCurrent(ILogger logger, Exception exception);

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt, DateTimeOffset ExpiresAt);
}
