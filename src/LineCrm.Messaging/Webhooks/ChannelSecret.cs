using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A LINE channel secret that webhook signatures are checked against, optionally bound to the bot it belongs to.
/// </summary>
/// <remarks>
/// Several secrets can be active at once: during a secret rotation (old and new, both unbound or bound to the
/// same bot), and when one endpoint serves several channels (each bound to its bot's user id, so a body signed
/// with one channel's secret cannot claim to be for another). <see cref="ToString"/> never shows the secret.
/// </remarks>
public sealed class ChannelSecret
{
    /// <summary>Makes a channel secret.</summary>
    /// <param name="secret">The channel secret from the LINE Developers Console.</param>
    /// <param name="destination">
    /// The user id of the channel's bot (the webhook body's <c>destination</c>), or null to accept any destination.
    /// </param>
    /// <exception cref="ArgumentException">The secret is empty or white space.</exception>
    public ChannelSecret(string secret, string? destination = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        Key = System.Text.Encoding.UTF8.GetBytes(secret);
        Destination = string.IsNullOrEmpty(destination) ? null : destination;
    }

    /// <summary>The bot user id this secret is bound to, or null when it accepts any destination.</summary>
    public string? Destination { get; }

    /// <summary>The secret's UTF-8 bytes: the HMAC key.</summary>
    internal byte[] Key { get; }

    // Keyed HMAC states to reuse: setting up a keyed HMAC costs more than hashing a typical webhook body, and a
    // reused state resets to the same key cheaply. A few per concurrent request; the garbage collector frees them.
    private readonly ConcurrentBag<IncrementalHash> _macs = [];

    /// <summary>Writes HMAC-SHA256 of <paramref name="body"/> under this secret into <paramref name="mac"/> (32 bytes).</summary>
    internal void ComputeMac(ReadOnlySpan<byte> body, Span<byte> mac)
    {
        if (!_macs.TryTake(out var hmac))
        {
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key);
        }

        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);
        if (_macs.Count < MaxPooledMacs)
        {
            _macs.Add(hmac);
        }
        else
        {
            hmac.Dispose();
        }
    }

    private const int MaxPooledMacs = 16;

    /// <summary>Whether a body for <paramref name="destination"/> may be signed with this secret.</summary>
    internal bool Accepts(string destination) => Destination is null || string.Equals(Destination, destination, StringComparison.Ordinal);

    /// <summary>Describes the secret without revealing it.</summary>
    public override string ToString() => Destination is null ? "ChannelSecret(any destination)" : $"ChannelSecret({Destination})";
}
