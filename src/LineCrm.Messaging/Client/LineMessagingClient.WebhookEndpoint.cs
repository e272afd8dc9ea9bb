using LineCrm.Messaging.Serialization;
using LineCrm.Messaging.WebhookSettings;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>The channel's webhook URL and whether webhook delivery is on.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getWebhookEndpoint")]
    public virtual Task<LineResponse<WebhookEndpointInfo>> GetWebhookEndpointAsync(CancellationToken cancellationToken = default) =>
        GetAsync(WebhookEndpointOperations.Get, "v2/bot/channel/webhook/endpoint",
            LinePlatformJsonContext.Default.WebhookEndpointInfo, cancellationToken);

    /// <summary>Sets the channel's webhook URL.</summary>
    /// <param name="endpoint">An absolute https URL of at most 500 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The URL is not https, not absolute, or too long; nothing was sent.</exception>
    [LineOperation("setWebhookEndpoint")]
    public virtual Task<LineResponse> SetWebhookEndpointAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        WebhookEndpointRules.Check(endpoint, nameof(endpoint));
        return SendAsync(WebhookEndpointOperations.Set, "v2/bot/channel/webhook/endpoint", new SetWebhookEndpointRequest(endpoint),
            LinePlatformJsonContext.Default.SetWebhookEndpointRequest, retryKey: null, cancellationToken);
    }

    /// <summary>Has LINE send a test webhook and reports what the endpoint answered.</summary>
    /// <param name="endpoint">The URL to test; the one set on the channel when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The URL is not https, not absolute, or too long; nothing was sent.</exception>
    [LineOperation("testWebhookEndpoint")]
    public virtual Task<LineResponse<WebhookTestResult>> TestWebhookEndpointAsync(Uri? endpoint = null, CancellationToken cancellationToken = default)
    {
        if (endpoint is not null)
        {
            WebhookEndpointRules.Check(endpoint, nameof(endpoint));
        }

        return SendAsync(WebhookEndpointOperations.Test, "v2/bot/channel/webhook/test", new TestWebhookEndpointRequest(endpoint),
            LinePlatformJsonContext.Default.TestWebhookEndpointRequest, LinePlatformJsonContext.Default.WebhookTestResult,
            retryKey: null, whenAlreadyAccepted: null, cancellationToken);
    }
}
