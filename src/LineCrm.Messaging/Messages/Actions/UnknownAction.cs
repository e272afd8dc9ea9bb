using System.Text.Json;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>An action whose <c>type</c> this library does not know: its JSON is kept whole and written back unchanged.</summary>
public sealed record UnknownAction : LineAction, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/> (a copy of it), which must be a JSON object.</summary>
    /// <param name="json">The action object as it was read.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object.</exception>
    public UnknownAction(JsonElement json)
        : base(RawJson.StringProperty(RawJson.RequireObject(json, nameof(json)), "label"))
    {
        Json = json.Clone();
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The action object as it was read.</summary>
    public JsonElement Json { get; }
}
