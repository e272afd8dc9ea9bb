using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>A message of a content type this version does not know; keeps its JSON.</summary>
public sealed record UnknownMessageContent : MessageContent
{
    private readonly string _type;

    /// <summary>Keeps a message of an unknown type.</summary>
    /// <param name="type">The type as LINE wrote it; empty when it had none.</param>
    /// <param name="raw">The <c>message</c> object as received.</param>
    public UnknownMessageContent(string type, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        Raw = raw;
    }

    /// <inheritdoc />
    public override string Type => _type;

    /// <summary>The <c>message</c> object as received (independent of the request's buffers).</summary>
    public JsonElement Raw { get; }
}
