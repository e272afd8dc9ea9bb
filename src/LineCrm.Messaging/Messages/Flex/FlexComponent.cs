using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Flex;

/// <summary>A piece of a flex layout: box, button, image, video, icon, text, span, separator or filler.</summary>
[JsonConverter(typeof(FlexComponentJsonConverter))]
public abstract record FlexComponent
{
    private protected FlexComponent()
    {
    }

    /// <summary>LINE's <c>type</c>, for example <c>box</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }
}

/// <summary>A flex component of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownFlexComponent : FlexComponent, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The component object.</param>
    public UnknownFlexComponent(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}
