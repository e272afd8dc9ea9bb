using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.WebhookSettings;

/// <summary>The webhook endpoint operations for the shared pipeline: setting the same URL twice is harmless, so all are retried.</summary>
internal static class WebhookEndpointOperations
{
    public static readonly LineOperationInfo Get = new("getWebhookEndpoint", HttpMethod.Get);
    public static readonly LineOperationInfo Set = new("setWebhookEndpoint", HttpMethod.Put);
    public static readonly LineOperationInfo Test = new("testWebhookEndpoint", HttpMethod.Post);
}
