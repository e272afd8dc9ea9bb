using LineCrm.Events;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.AspNetCore.CustomerEvents;

/// <summary>
/// The built-in handler of <c>AddCustomerEvents()</c>: turns each webhook event into customer events
/// (<see cref="WebhookCustomerEvents"/>: follow, unfollow, postback, message, delivery, and account links through the
/// member resolver) and appends them to the <see cref="ICustomerEventLog"/>. The ids come from the events'
/// <c>webhookEventId</c>, so a redelivery or a retried handler appends nothing twice.
/// </summary>
internal sealed class CustomerEventLogHandler(
    ICustomerEventLog log,
    CustomerEventsRegistration registration,
    WebhookTelemetry telemetry,
    ILogger<CustomerEventLogHandler> logger) : IWebhookHandler<WebhookEvent>
{
    public async Task HandleAsync(WebhookEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
    {
        var events = await ToCustomerEventsAsync(webhookEvent, context, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return;
        }

        var appended = await log.AppendAsync(events, cancellationToken).ConfigureAwait(false);
        telemetry.CustomerEventsLogged(appended.Count, events.Count - appended.Count);
    }

    private async ValueTask<IReadOnlyList<CustomerEventEnvelope>> ToCustomerEventsAsync(WebhookEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
    {
        if (webhookEvent is not AccountLinkEvent link)
        {
            return WebhookCustomerEvents.From(webhookEvent);
        }

        // The resolver given to AddCustomerEvents wins; otherwise one registered in DI (it may be scoped: a DbContext).
        var resolver = registration.Resolver ?? context.Services.GetService<AccountLinkMemberResolver>();
        if (resolver is null)
        {
            if (link.Succeeded)
            {
                Log.AccountLinkWithoutResolver(logger, link.WebhookEventId);
            }

            return [];
        }

        return await WebhookCustomerEvents.FromAsync(link, resolver, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What <c>AddCustomerEvents</c> was given: the account-link resolver, when one was.</summary>
internal sealed record CustomerEventsRegistration(AccountLinkMemberResolver? Resolver);
