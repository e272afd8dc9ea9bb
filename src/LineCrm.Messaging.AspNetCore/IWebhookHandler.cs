using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Handles webhook events of one type. Register with <c>AddLineWebhook(...).AddHandler&lt;T&gt;()</c>; several handlers
/// of one event type run one after another in registration order.
/// </summary>
/// <typeparam name="TEvent">
/// The event type: <see cref="MessageEvent"/>, <see cref="FollowEvent"/>, ...; <see cref="UnknownEvent"/> for the
/// catch-all of event types this version does not know; <see cref="WebhookEvent"/> for every event (these run
/// after the type's own handlers).
/// </typeparam>
/// <remarks>
/// Handlers run in the background after LINE got its 200, in a DI scope of their own per event. An exception is
/// logged with the event id and does not stop the event's other handlers or any other event.
/// </remarks>
public interface IWebhookHandler<in TEvent>
    where TEvent : WebhookEvent
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="context">The request it came in and the event's DI scope.</param>
    /// <param name="cancellationToken">Cancelled when the app's shutdown timeout runs out.</param>
    Task HandleAsync(TEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken);
}
