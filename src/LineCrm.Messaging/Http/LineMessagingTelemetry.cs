using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LineCrm.Messaging.Http;

/// <summary>
/// The package's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>LineCrm.Messaging</c>: one activity
/// per logical call, and counters for requests (attempts), retries and 429s plus an attempt-latency histogram.
/// </summary>
internal static class LineMessagingTelemetry
{
    public static readonly ActivitySource Source = new(LineMessagingDiagnostics.ActivitySourceName);

    public static readonly Meter Meter = new(LineMessagingDiagnostics.MeterName);

    /// <summary>Every attempt sent to LINE, tagged with operation and status.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "linecrm.messaging.requests", "{request}", "HTTP attempts sent to the LINE API.");

    /// <summary>Every retry the resilience pipeline made.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "linecrm.messaging.retries", "{retry}", "Attempts repeated after a failure.");

    /// <summary>Every 429 LINE answered.</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "linecrm.messaging.throttled", "{response}", "429 Too Many Requests answers from LINE.");

    /// <summary>Every webhook field the parser could not read and degraded to absent, tagged with the event type.</summary>
    public static readonly Counter<long> DegradedFields = Meter.CreateCounter<long>(
        "linecrm.webhook.degraded_fields", "{field}", "Webhook event fields read as absent because their value could not be read.");

    /// <summary>The time of each attempt, from sending to the last byte of the body.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "linecrm.messaging.request.duration", "s", "Time of one HTTP attempt to the LINE API.");
}
