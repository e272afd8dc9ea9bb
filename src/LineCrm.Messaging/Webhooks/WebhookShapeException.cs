namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A field of the wrong kind, found while reading one event. Carries the path relative to the event; the parser
/// adds the event's place (<c>$.events[3]</c>) and turns it into a <see cref="WebhookFormatException"/>. Building
/// paths only when something is wrong keeps the common path free of string work.
/// </summary>
internal sealed class WebhookShapeException(string message, string relativePath) : Exception(message)
{
    public string RelativePath { get; } = relativePath;
}
