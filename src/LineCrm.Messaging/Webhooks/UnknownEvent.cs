using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// An event of a type this version of LineCrm does not know. It keeps the event's JSON, so a newer event type
/// never breaks a running bot and a handler can still read it.
/// </summary>
public sealed record UnknownEvent : WebhookEvent
{
    private readonly string _type;

    /// <summary>Makes an unknown event.</summary>
    /// <param name="type">The type as LINE wrote it; empty when the event had none.</param>
    /// <param name="raw">The whole event object as received.</param>
    public UnknownEvent(string type, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        Raw = raw;
    }

    /// <inheritdoc />
    public override string Type => _type;

    /// <summary>The whole event object as received (independent of the request's buffers).</summary>
    public JsonElement Raw { get; }
}
