namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Checks <c>X-Line-Signature</c> against one or more channel secrets (rotation, several channels). Thread-safe.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    private readonly ChannelSecret[] _secrets;

    /// <summary>Makes a verifier for these secrets.</summary>
    /// <param name="secrets">At least one channel secret; the order is the order they are tried in.</param>
    /// <exception cref="ArgumentException">No secret was given.</exception>
    public WebhookSignatureVerifier(IEnumerable<ChannelSecret> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets];
        if (_secrets.Length == 0)
        {
            throw new ArgumentException("At least one channel secret is needed to verify webhook signatures.", nameof(secrets));
        }

        foreach (var secret in _secrets)
        {
            ArgumentNullException.ThrowIfNull(secret, nameof(secrets));
        }
    }

    /// <summary>Makes a verifier for one channel secret that accepts any destination.</summary>
    /// <param name="channelSecret">The channel secret.</param>
    public WebhookSignatureVerifier(string channelSecret)
        : this([new ChannelSecret(channelSecret)])
    {
    }

    /// <summary>The secret that signed <paramref name="body"/>.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The <c>X-Line-Signature</c> header value.</param>
    /// <returns>The first configured secret under which the signature is valid.</returns>
    /// <exception cref="WebhookSignatureException">The signature is missing, malformed, or valid under none of the secrets.</exception>
    public ChannelSecret Verify(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            throw new WebhookSignatureException($"The {WebhookSignature.HeaderName} header is missing.");
        }

        Span<byte> claimed = stackalloc byte[32];
        if (!WebhookSignature.TryDecode(signature, claimed))
        {
            throw new WebhookSignatureException($"The {WebhookSignature.HeaderName} header is not base64 of a 32-byte HMAC-SHA256.");
        }

        foreach (var secret in _secrets)
        {
            if (WebhookSignature.Matches(secret, body, claimed))
            {
                return secret;
            }
        }

        throw new WebhookSignatureException(
            $"The {WebhookSignature.HeaderName} header does not match the body under any of the {_secrets.Length} configured channel secret(s).");
    }

    /// <summary>Whether the signature is valid under one of the secrets; never throws for a bad signature.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The <c>X-Line-Signature</c> header value.</param>
    public bool IsValid(ReadOnlySpan<byte> body, string? signature)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (!WebhookSignature.TryDecode(signature, claimed))
        {
            return false;
        }

        foreach (var secret in _secrets)
        {
            if (WebhookSignature.Matches(secret, body, claimed))
            {
                return true;
            }
        }

        return false;
    }
}
