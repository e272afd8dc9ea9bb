namespace LineCrm.Messaging.Http;

/// <summary>The header names LINE uses.</summary>
internal static class LineHeaders
{
    public const string RetryKey = "X-Line-Retry-Key";
    public const string RequestId = "x-line-request-id";
    public const string AcceptedRequestId = "x-line-accepted-request-id";
    public const string DeliveryTag = "X-Line-Delivery-Tag";

    /// <summary>
    /// Headers whose values are secrets (the channel token travels as <c>Authorization: Bearer</c>): HttpClientFactory's
    /// request logging writes them redacted, in its text and in its structured state alike.
    /// </summary>
    public static bool IsSecret(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase);
}
