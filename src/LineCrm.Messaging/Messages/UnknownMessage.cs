using System.Text.Json;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages;

/// <summary>
/// A message whose <c>type</c> this library does not know (yet): its JSON is kept whole and written back unchanged,
/// so reading and writing it loses nothing and a new LINE message type never breaks a running application.
/// </summary>
public sealed record UnknownMessage : Message, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/> (a copy of it), which must be a JSON object.</summary>
    /// <param name="json">The message object as LINE or a store wrote it.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object.</exception>
    public UnknownMessage(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The message object as it was read.</summary>
    public JsonElement Json { get; }
}
