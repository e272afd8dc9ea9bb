namespace LineCrm.Messaging;

/// <summary>
/// The names of the package's telemetry, to subscribe to it: <c>tracing.AddSource(LineMessagingDiagnostics.ActivitySourceName)</c>
/// and <c>metrics.AddMeter(LineMessagingDiagnostics.MeterName)</c> with OpenTelemetry, or an <c>ActivityListener</c>
/// and a <c>MeterListener</c> matching these names.
/// </summary>
public static class LineMessagingDiagnostics
{
    /// <summary>The <c>ActivitySource</c>'s name: one activity per client call (operation, status, request id).</summary>
    public const string ActivitySourceName = "LineCrm.Messaging";

    /// <summary>The <c>Meter</c>'s name: attempts, retries, 429s and attempt durations (<c>linecrm.messaging.*</c>).</summary>
    public const string MeterName = "LineCrm.Messaging";
}
