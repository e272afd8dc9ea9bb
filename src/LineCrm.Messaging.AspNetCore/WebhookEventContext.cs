namespace LineCrm.Messaging.AspNetCore;

/// <summary>What a handler knows besides the event: which bot it was for, and the event's DI scope.</summary>
public sealed class WebhookEventContext
{
    /// <summary>Makes a context.</summary>
    /// <param name="destination">The user id of the bot the event was sent to.</param>
    /// <param name="services">The event's DI scope.</param>
    public WebhookEventContext(string destination, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(services);
        Destination = destination;
        Services = services;
    }

    /// <summary>The user id of the bot the event was sent to (the body's <c>destination</c>).</summary>
    public string Destination { get; }

    /// <summary>The event's DI scope: resolve scoped services (a DbContext, the messaging client) here.</summary>
    public IServiceProvider Services { get; }
}
