namespace LineCrm.Messaging.AspNetCore;

/// <summary>One channel's secret in <see cref="LineWebhookOptions.Channels"/> (a settable class so configuration can bind it).</summary>
public sealed class LineWebhookChannel
{
    /// <summary>The channel secret from the LINE Developers Console.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The user id of the channel's bot (the body's <c>destination</c>), or null to accept any destination.</summary>
    public string? Destination { get; set; }

    /// <summary>
    /// The name this channel was given in <c>AddLineMessaging(name, ...)</c>, so replies to its events go through its
    /// client; null for the default client. Needs <see cref="Destination"/> to tell the channel's events apart.
    /// </summary>
    public string? MessagingChannelName { get; set; }

    /// <summary>Describes the channel without revealing the secret.</summary>
    public override string ToString() => $"LineWebhookChannel({Destination ?? "any destination"})";
}
