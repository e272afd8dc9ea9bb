using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// The package's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>LineCrm.Messaging.AspNetCore</c>:
/// requests by outcome, events dispatched, duplicates skipped, handler failures, and an activity per event.
/// </summary>
internal sealed class WebhookTelemetry : IDisposable
{
    public static readonly ActivitySource ActivitySource = new(LineWebhookDiagnostics.ActivitySourceName);

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _events;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _handlerFailures;

    public WebhookTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(LineWebhookDiagnostics.MeterName);
        _requests = _meter.CreateCounter<long>("linecrm.webhook.requests", "{request}", "Webhook requests, by outcome.");
        _events = _meter.CreateCounter<long>("linecrm.webhook.events", "{event}", "Webhook events handed to handlers, by type.");
        _duplicates = _meter.CreateCounter<long>("linecrm.webhook.duplicates", "{event}", "Redelivered events skipped.");
        _handlerFailures = _meter.CreateCounter<long>("linecrm.webhook.handler_failures", "{failure}", "Handlers that threw, by event type.");
    }

    public void Request(string outcome) => _requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispatched(string eventType) => _events.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Duplicate() => _duplicates.Add(1);

    public void HandlerFailed(string eventType) => _handlerFailures.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Dispose() => _meter.Dispose();
}
