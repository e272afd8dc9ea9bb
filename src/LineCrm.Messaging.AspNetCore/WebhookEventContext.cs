namespace LineCrm.Messaging.AspNetCore;

/// <summary>What a handler knows besides the event: which bot it was for, and the event's DI scope.</summary>
public sealed class WebhookEventContext
{
    /// <summary>Makes a context.</summary>
    /// <param name="destination">The user id of the bot the event was sent to.</param>
    /// <param name="services">The event's DI scope.</param>
    /// <param name="messagingChannelName">The <c>AddLineMessaging</c> channel name whose client answers this destination; null for the default client.</param>
    public WebhookEventContext(string destination, IServiceProvider services, string? messagingChannelName = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(services);
        Destination = destination;
        Services = services;
        MessagingChannelName = messagingChannelName;
    }

    /// <summary>The user id of the bot the event was sent to (the body's <c>destination</c>).</summary>
    public string Destination { get; }

    /// <summary>The event's DI scope: resolve scoped services (a DbContext, the messaging client) here.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The <c>AddLineMessaging</c> channel whose client replies to this event; null for the default client.</summary>
    public string? MessagingChannelName { get; }
}
