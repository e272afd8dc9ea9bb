using System.Security.Cryptography;
using System.Text;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// LINE's webhook signature: base64 of HMAC-SHA256 over the raw request body bytes, keyed by the channel secret.
/// Always computed on the bytes as received; re-serialised JSON would differ in spacing, order and escapes.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The HTTP header that carries the signature.</summary>
    public const string HeaderName = "X-Line-Signature";

    private const int MacLength = 32; // HMAC-SHA256

    /// <summary>The signature LINE would send for <paramref name="body"/> under <paramref name="channelSecret"/>.</summary>
    /// <param name="channelSecret">The channel secret.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>The base64 signature, as in the <c>X-Line-Signature</c> header.</returns>
    public static string Compute(string channelSecret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the signature of <paramref name="body"/> under
    /// <paramref name="channelSecret"/>, compared in constant time.
    /// </summary>
    /// <param name="channelSecret">The channel secret.</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="signature">The <c>X-Line-Signature</c> header value; null or malformed gives false.</param>
    public static bool IsValid(string channelSecret, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        Span<byte> claimed = stackalloc byte[MacLength];
        return TryDecode(signature, claimed) && Matches(Encoding.UTF8.GetBytes(channelSecret), body, claimed);
    }

    /// <summary>Decodes a base64 signature of exactly 32 bytes; false for anything else.</summary>
    internal static bool TryDecode(string? signature, Span<byte> mac)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        return Convert.TryFromBase64String(signature.Trim(), mac, out var written) && written == MacLength;
    }

    /// <summary>Computes the MAC of <paramref name="body"/> under <paramref name="key"/> and compares it in constant time.</summary>
    internal static bool Matches(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, ReadOnlySpan<byte> claimed)
    {
        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    /// <summary>The same, with the secret's reusable HMAC state.</summary>
    internal static bool Matches(ChannelSecret secret, ReadOnlySpan<byte> body, ReadOnlySpan<byte> claimed)
    {
        Span<byte> expected = stackalloc byte[MacLength];
        secret.ComputeMac(body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
