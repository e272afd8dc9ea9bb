namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// The names of the webhook endpoint's telemetry, to subscribe to it: <c>tracing.AddSource(LineWebhookDiagnostics.ActivitySourceName)</c>
/// and <c>metrics.AddMeter(LineWebhookDiagnostics.MeterName)</c> with OpenTelemetry, or listeners matching these names.
/// </summary>
public static class LineWebhookDiagnostics
{
    /// <summary>The <c>ActivitySource</c>'s name: one activity per dispatched event.</summary>
    public const string ActivitySourceName = "LineCrm.Messaging.AspNetCore";

    /// <summary>The <c>Meter</c>'s name: requests by outcome, events, duplicates and handler failures (<c>linecrm.webhook.*</c>).</summary>
    public const string MeterName = "LineCrm.Messaging.AspNetCore";
}
