namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A webhook request is not from LINE as far as we can tell: its <c>X-Line-Signature</c> is missing, is not base64
/// of 32 bytes, matches none of the configured channel secrets, or matches the secret of a channel other than the
/// body's <c>destination</c>. Nothing in such a request may be acted on.
/// </summary>
public sealed class WebhookSignatureException : Exception
{
    /// <summary>Makes an exception without details.</summary>
    public WebhookSignatureException()
        : this("The webhook signature is not valid.")
    {
    }

    /// <summary>Makes an exception with a message.</summary>
    /// <param name="message">What is wrong with the signature (never the secret).</param>
    public WebhookSignatureException(string message)
        : base(message)
    {
    }

    /// <summary>Makes an exception with a message and its cause.</summary>
    /// <param name="message">What is wrong with the signature (never the secret).</param>
    /// <param name="innerException">The cause.</param>
    public WebhookSignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
