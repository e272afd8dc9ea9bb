using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// The package's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>LineCrm.Messaging.AspNetCore</c>:
/// requests by outcome, events dispatched, duplicates skipped, handler failures, and an activity per event; with the
/// inbox also commits (events per commit), retries, dead letters and the backlog's age (receipt to handler start).
/// </summary>
internal sealed class WebhookTelemetry : IDisposable
{
    public static readonly ActivitySource ActivitySource = new(LineWebhookDiagnostics.ActivitySourceName);

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _events;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _handlerFailures;
    private readonly Histogram<int> _commitSize;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private readonly Histogram<double> _inboxWait;
    private readonly Counter<long> _customerEvents;

    public WebhookTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(LineWebhookDiagnostics.MeterName);
        _requests = _meter.CreateCounter<long>("linecrm.webhook.requests", "{request}", "Webhook requests, by outcome.");
        _events = _meter.CreateCounter<long>("linecrm.webhook.events", "{event}", "Webhook events handed to handlers, by type.");
        _duplicates = _meter.CreateCounter<long>("linecrm.webhook.duplicates", "{event}", "Redelivered events skipped.");
        _handlerFailures = _meter.CreateCounter<long>("linecrm.webhook.handler_failures", "{failure}", "Handlers that threw, by event type.");
        _commitSize = _meter.CreateHistogram<int>("linecrm.webhook.inbox.commit_size", "{event}", "Events written to the inbox in one commit (group commit).");
        _retries = _meter.CreateCounter<long>("linecrm.webhook.inbox.retries", "{attempt}", "Inbox events whose handlers failed and that will run again, by event type.");
        _deadLetters = _meter.CreateCounter<long>("linecrm.webhook.inbox.dead_letters", "{event}", "Inbox events parked as dead after their last attempt, by event type.");
        _inboxWait = _meter.CreateHistogram<double>("linecrm.webhook.inbox.wait", "s", "How long an event waited in the inbox before its handlers started: the backlog, in time.");
        _customerEvents = _meter.CreateCounter<long>("linecrm.webhook.customer_events", "{event}", "Customer events from webhooks for the event log, by outcome (appended, duplicate).");
    }

    public void Request(string outcome) => _requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispatched(string eventType) => _events.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Duplicate() => _duplicates.Add(1);

    public void HandlerFailed(string eventType) => _handlerFailures.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Committed(int events) => _commitSize.Record(events);

    public void Retried(string eventType) => _retries.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void DeadLettered(string eventType) => _deadLetters.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public void Waited(TimeSpan wait) => _inboxWait.Record(wait.TotalSeconds);

    public void CustomerEventsLogged(int appended, int duplicates)
    {
        if (appended > 0)
        {
            _customerEvents.Add(appended, new KeyValuePair<string, object?>("outcome", "appended"));
        }

        if (duplicates > 0)
        {
            _customerEvents.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        }
    }

    public void Dispose() => _meter.Dispose();
}
