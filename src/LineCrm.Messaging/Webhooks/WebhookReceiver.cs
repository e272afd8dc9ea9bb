using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Verify, then parse: what every webhook endpoint does with a request body, without any web framework.
/// Thread-safe; make one per set of channel secrets and share it.
/// </summary>
public sealed class WebhookReceiver
{
    private readonly WebhookSignatureVerifier _verifier;
    private readonly ILogger? _logger;

    /// <summary>Makes a receiver for these channel secrets.</summary>
    /// <param name="secrets">At least one channel secret.</param>
    public WebhookReceiver(IEnumerable<ChannelSecret> secrets)
    {
        _verifier = new WebhookSignatureVerifier(secrets);
    }

    /// <summary>Makes a receiver for these channel secrets that logs the fields it had to degrade.</summary>
    /// <param name="secrets">At least one channel secret.</param>
    /// <param name="logger">Where each degraded field is logged as a warning (its path and kind, never its value).</param>
    public WebhookReceiver(IEnumerable<ChannelSecret> secrets, ILogger logger)
        : this(secrets)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>Makes a receiver for one channel secret that accepts any destination.</summary>
    /// <param name="channelSecret">The channel secret.</param>
    public WebhookReceiver(string channelSecret)
    {
        _verifier = new WebhookSignatureVerifier(channelSecret);
    }

    /// <summary>Checks the signature on the raw bytes, then parses them.</summary>
    /// <param name="body">The raw request body (UTF-8 JSON), exactly as received.</param>
    /// <param name="signature">The <c>X-Line-Signature</c> header value.</param>
    /// <returns>The callback, with its events.</returns>
    /// <exception cref="WebhookSignatureException">
    /// The signature is missing or wrong, or it is valid under a secret bound to a bot other than the body's
    /// <c>destination</c>. Checked before the body is parsed.
    /// </exception>
    /// <exception cref="WebhookFormatException">
    /// The body is signed correctly but is not JSON or not a webhook body. An odd field inside an event does not
    /// refuse the body: see <see cref="WebhookParser.Parse(ReadOnlyMemory{byte})"/>.
    /// </exception>
    public WebhookCallback Receive(ReadOnlyMemory<byte> body, string? signature)
    {
        var secret = _verifier.Verify(body.Span, signature);
        var callback = WebhookParser.Parse(body, _logger);
        if (!secret.Accepts(callback.Destination))
        {
            throw new WebhookSignatureException(
                $"The body is signed with the secret of channel {secret.Destination} but addressed to '{callback.Destination}'.");
        }

        return callback;
    }
}
