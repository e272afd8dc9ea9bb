namespace LineCrm.Messaging.Webhooks;

/// <summary>The values of <see cref="WebhookEvent.Mode"/> that LINE documents. Other values may appear in future.</summary>
public static class WebhookEventModes
{
    /// <summary>The channel is active: it may reply and send messages.</summary>
    public const string Active = "active";

    /// <summary>The channel is on standby: another module channel has chat control, so this one should only listen.</summary>
    public const string Standby = "standby";
}
