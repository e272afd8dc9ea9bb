namespace LineCrm.Messaging.WebhookSettings;

/// <summary>The channel's webhook URL and whether LINE sends webhooks to it (<c>getWebhookEndpoint</c>).</summary>
/// <param name="Endpoint">The webhook URL.</param>
/// <param name="Active">True when webhook delivery is switched on in the console.</param>
public sealed record WebhookEndpointInfo(Uri Endpoint, bool Active);

/// <summary>What LINE saw when it sent a test webhook (<c>testWebhookEndpoint</c>).</summary>
/// <param name="Success">True when the endpoint answered with a 2xx.</param>
/// <param name="Timestamp">When LINE sent the test.</param>
/// <param name="StatusCode">The endpoint's HTTP status; zero or negative when no answer came back.</param>
/// <param name="Reason">LINE's reason, for example <c>OK</c> or <c>COULD_NOT_CONNECT</c>.</param>
/// <param name="Detail">LINE's detail, for example the status as text.</param>
public sealed record WebhookTestResult(bool Success, DateTimeOffset Timestamp, int StatusCode, string Reason, string Detail);

/// <summary>The body of <c>setWebhookEndpoint</c>.</summary>
internal sealed record SetWebhookEndpointRequest(Uri Endpoint);

/// <summary>The body of <c>testWebhookEndpoint</c>; without an endpoint LINE tests the one set.</summary>
internal sealed record TestWebhookEndpointRequest(Uri? Endpoint);
