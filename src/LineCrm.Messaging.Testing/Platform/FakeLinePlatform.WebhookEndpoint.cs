namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>The channel's webhook URL as last set.</summary>
    public string WebhookEndpoint { get; set; } = "https://crm.example/line/webhook";

    /// <summary>Whether webhook delivery is on (set in the console at LINE, so only tests change it here).</summary>
    public bool WebhookActive { get; set; } = true;

    /// <summary>The status the endpoint "answers" to <c>testWebhookEndpoint</c>; 0 plays an endpoint that cannot be reached.</summary>
    public int WebhookTestStatusCode { get; set; } = 200;
}
