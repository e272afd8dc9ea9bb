using System.Diagnostics.CodeAnalysis;
using LineCrm.Events;
using LineCrm.Messaging.AspNetCore.CustomerEvents;
using LineCrm.Messaging.AspNetCore.Inbox;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>Registers webhook handlers; returned by <c>AddLineWebhook</c>. Handlers of one event type run in the order they are added.</summary>
public sealed class LineWebhookBuilder
{
    internal LineWebhookBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection, for further registrations.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a handler class for every <see cref="IWebhookHandler{TEvent}"/> it implements. It is resolved from the
    /// event's DI scope, so it may take scoped services; one instance serves all its interfaces within one event.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The class implements no <see cref="IWebhookHandler{TEvent}"/>.</exception>
    public LineWebhookBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces)] THandler>()
        where THandler : class
    {
        var handlerInterfaces = typeof(THandler).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWebhookHandler<>))
            .ToList();
        if (handlerInterfaces.Count == 0)
        {
            throw new ArgumentException($"{typeof(THandler).Name} implements no IWebhookHandler<TEvent>.", nameof(THandler));
        }

        Services.AddScoped<THandler>();
        foreach (var handlerInterface in handlerInterfaces)
        {
            Services.AddScoped(handlerInterface, static sp => sp.GetRequiredService<THandler>());
        }

        return this;
    }

    /// <summary>Adds a handler written as a function, for events of type <typeparamref name="TEvent"/>.</summary>
    /// <typeparam name="TEvent">The event type (<see cref="WebhookEvent"/> for every event).</typeparam>
    /// <param name="handler">The function; it gets the event, its context and the shutdown token.</param>
    /// <returns>This builder.</returns>
    public LineWebhookBuilder On<TEvent>(Func<TEvent, WebhookEventContext, CancellationToken, Task> handler)
        where TEvent : WebhookEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Services.AddSingleton<IWebhookHandler<TEvent>>(new DelegateWebhookEventHandler<TEvent>(handler));
        return this;
    }

    /// <summary>
    /// Turns on the durable inbox: the endpoint writes each body's events to the registered
    /// <see cref="IWebhookInbox"/> (one commit shared by concurrent requests) before it answers 200, and handlers run
    /// from the inbox, at least once, with retries and backoff, then parked as dead (see
    /// <see cref="IWebhookInbox"/> to list and replay them). Deduplication is the inbox's unique key on
    /// <c>webhookEventId</c>, so it survives restarts; <see cref="IWebhookEventIdStore"/> is not used. Register an
    /// inbox as well, for example with one of the LineCrm store packages.
    /// </summary>
    /// <param name="configure">Sets the inbox options (retries, backoff, lease, deduplication window).</param>
    /// <returns>This builder.</returns>
    public LineWebhookBuilder UseInbox(Action<LineWebhookInboxOptions>? configure = null)
    {
        var options = Services.AddOptions<LineWebhookInboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LineWebhookInboxOptions>, LineWebhookInboxOptionsValidator>());
        if (!Services.Any(d => d.ServiceType == typeof(WebhookInboxProcessor)))
        {
            Services.AddSingleton(static sp => ActivatorUtilities.CreateInstance<WebhookInboxProcessor>(sp, RequiredInbox(sp)));
            Services.AddHostedService(static sp => sp.GetRequiredService<WebhookInboxProcessor>());
            Services.AddSingleton(static sp => ActivatorUtilities.CreateInstance<WebhookInboxWriter>(sp, RequiredInbox(sp)));
        }

        return this;
    }

    /// <summary>
    /// Turns webhook events into customer events and appends them to the registered <see cref="ICustomerEventLog"/>:
    /// follow (<see cref="InteractionKind.FriendAdded"/>, or <see cref="InteractionKind.Unblocked"/>), unfollow
    /// (<see cref="InteractionKind.Blocked"/>), postback (<see cref="InteractionKind.Clicked"/>, the data as target),
    /// message (<see cref="InteractionKind.Messaged"/>) and delivery (<see cref="InteractionKind.MessageDelivered"/>),
    /// each keyed by its <c>webhookEventId</c> so redeliveries and retries append once. Successful account links
    /// become <see cref="IdentityLink"/>s through an <see cref="AccountLinkMemberResolver"/> registered in DI (which
    /// may be scoped); without one they are logged as a warning and skipped. The host refuses to start when no event
    /// log is registered. Use it with <see cref="UseInbox"/>, so an event that got a 200 reaches the log even across
    /// a crash.
    /// </summary>
    /// <returns>This builder.</returns>
    public LineWebhookBuilder AddCustomerEvents() => AddCustomerEvents(null);

    /// <summary>
    /// Like <see cref="AddCustomerEvents()"/>, with the function that finds the member a successful account link's
    /// nonce was issued to (your own nonce table), so account links become <see cref="IdentityLink"/>s.
    /// </summary>
    /// <param name="resolveMember">Finds the member for an account link; null to use one registered in DI.</param>
    /// <returns>This builder.</returns>
    public LineWebhookBuilder AddCustomerEvents(AccountLinkMemberResolver? resolveMember)
    {
        Services.RemoveAll<CustomerEventsRegistration>();
        Services.AddSingleton(new CustomerEventsRegistration(resolveMember));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookHandler<WebhookEvent>, CustomerEventLogHandler>());
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CustomerEventLogStartupCheck>());
        return this;
    }

    private static IWebhookInbox RequiredInbox(IServiceProvider services) =>
        services.GetService<IWebhookInbox>() ?? throw new InvalidOperationException(
            "UseInbox needs an IWebhookInbox: register a store (for example services.AddLineCrmSqliteStores(...)) or your own implementation.");

    private sealed class DelegateWebhookEventHandler<TEvent>(Func<TEvent, WebhookEventContext, CancellationToken, Task> handler)
        : IWebhookHandler<TEvent>
        where TEvent : WebhookEvent
    {
        public Task HandleAsync(TEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken) =>
            handler(webhookEvent, context, cancellationToken);
    }
}
