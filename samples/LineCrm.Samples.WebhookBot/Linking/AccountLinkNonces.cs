using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LineCrm.Samples.WebhookBot.Linking;

/// <summary>
/// The site's side of account linking: a nonce made when a signed-in member agrees to link, remembered with the
/// member's id until LINE's accountLink event brings it back. Each nonce works once and expires. A real site keeps
/// these in its database; this sample keeps them in memory.
/// </summary>
public sealed class AccountLinkNonces(IOptions<SiteOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string MemberId, DateTimeOffset Expires)> _pending = new(StringComparer.Ordinal);

    /// <summary>Makes a nonce for <paramref name="memberId"/>: 128 random bits, base64url, as LINE recommends.</summary>
    public string Issue(string memberId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        _pending[nonce] = (memberId, time.GetUtcNow() + options.Value.NonceLifetime);
        return nonce;
    }

    /// <summary>The member a nonce was made for, and forgets it; null when unknown, used or expired.</summary>
    public string? Redeem(string nonce)
    {
        if (!_pending.TryRemove(nonce, out var entry))
        {
            return null;
        }

        return entry.Expires > time.GetUtcNow() ? entry.MemberId : null;
    }
}
