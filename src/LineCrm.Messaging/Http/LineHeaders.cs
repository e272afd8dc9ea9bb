namespace LineCrm.Messaging.Http;

/// <summary>The header names LINE uses.</summary>
internal static class LineHeaders
{
    public const string RetryKey = "X-Line-Retry-Key";
    public const string RequestId = "x-line-request-id";
    public const string AcceptedRequestId = "x-line-accepted-request-id";
    public const string DeliveryTag = "X-Line-Delivery-Tag";
}
