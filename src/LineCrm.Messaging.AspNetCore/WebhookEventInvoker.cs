using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Runs the handlers of one event: the handlers of its own type in registration order, then the handlers of
/// <see cref="WebhookEvent"/>. The switch over the event types (rather than reflection) keeps it trimming and AOT safe.
/// A handler's failure is logged and does not stop the others; the first one is returned, so the inbox can retry.
/// </summary>
internal sealed class WebhookEventInvoker(ILogger<WebhookEventInvoker> logger, WebhookTelemetry telemetry)
{
    public Task<Exception?> InvokeAsync(WebhookEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken) => webhookEvent switch
    {
        MessageEvent e => RunAsync(e, context, cancellationToken),
        MessageEditedEvent e => RunAsync(e, context, cancellationToken),
        UnsendEvent e => RunAsync(e, context, cancellationToken),
        FollowEvent e => RunAsync(e, context, cancellationToken),
        UnfollowEvent e => RunAsync(e, context, cancellationToken),
        JoinEvent e => RunAsync(e, context, cancellationToken),
        LeaveEvent e => RunAsync(e, context, cancellationToken),
        MemberJoinedEvent e => RunAsync(e, context, cancellationToken),
        MemberLeftEvent e => RunAsync(e, context, cancellationToken),
        PostbackEvent e => RunAsync(e, context, cancellationToken),
        VideoPlayCompleteEvent e => RunAsync(e, context, cancellationToken),
        BeaconEvent e => RunAsync(e, context, cancellationToken),
        AccountLinkEvent e => RunAsync(e, context, cancellationToken),
        MembershipEvent e => RunAsync(e, context, cancellationToken),
        ModuleEvent e => RunAsync(e, context, cancellationToken),
        ActivatedEvent e => RunAsync(e, context, cancellationToken),
        DeactivatedEvent e => RunAsync(e, context, cancellationToken),
        BotSuspendedEvent e => RunAsync(e, context, cancellationToken),
        BotResumedEvent e => RunAsync(e, context, cancellationToken),
        DeliveryEvent e => RunAsync(e, context, cancellationToken),
        UnknownEvent e => RunAsync(e, context, cancellationToken),
        _ => RunAllEventHandlersAsync(webhookEvent, context, cancellationToken),
    };

    private async Task<Exception?> RunAsync<TEvent>(TEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
        where TEvent : WebhookEvent
    {
        var handled = false;
        Exception? failure = null;
        foreach (var handler in context.Services.GetServices<IWebhookHandler<TEvent>>())
        {
            var outcome = await RunOneAsync(handler, webhookEvent, context, cancellationToken).ConfigureAwait(false);
            failure ??= outcome; // every handler runs; the first failure is the event's
            handled = true;
        }

        var (allHandled, allFailure) = await RunAllEventHandlersCoreAsync(webhookEvent, context, cancellationToken).ConfigureAwait(false);
        if (!handled && !allHandled)
        {
            Log.NoHandler(logger, webhookEvent.Type, webhookEvent.WebhookEventId);
        }

        return failure ?? allFailure;
    }

    private async Task<Exception?> RunAllEventHandlersAsync(WebhookEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken) =>
        (await RunAllEventHandlersCoreAsync(webhookEvent, context, cancellationToken).ConfigureAwait(false)).Failure;

    private async Task<(bool Handled, Exception? Failure)> RunAllEventHandlersCoreAsync(WebhookEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
    {
        var handled = false;
        Exception? failure = null;
        foreach (var handler in context.Services.GetServices<IWebhookHandler<WebhookEvent>>())
        {
            var outcome = await RunOneAsync(handler, webhookEvent, context, cancellationToken).ConfigureAwait(false);
            failure ??= outcome; // every handler runs; the first failure is the event's
            handled = true;
        }

        return (handled, failure);
    }

    private async Task<Exception?> RunOneAsync<TEvent>(IWebhookHandler<TEvent> handler, TEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
        where TEvent : WebhookEvent
    {
        try
        {
            await handler.HandleAsync(webhookEvent, context, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            Log.HandlerCancelled(logger, handler.GetType().Name, webhookEvent.Type, webhookEvent.WebhookEventId);
            return e;
        }
#pragma warning disable CA1031 // A handler's failure must not reach the other handlers, events or the host: it is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            telemetry.HandlerFailed(webhookEvent.Type);
            Log.HandlerFailed(logger, e, handler.GetType().Name, webhookEvent.Type, webhookEvent.WebhookEventId);
            return e;
        }
    }
}
