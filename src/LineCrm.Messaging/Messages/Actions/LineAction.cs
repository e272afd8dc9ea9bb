using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>
/// What tapping a button, a quick reply item, an image area or a rich menu area does (LINE's action objects). An
/// action of a type this library does not know is read as an <see cref="UnknownAction"/> that keeps its JSON.
/// </summary>
[JsonConverter(typeof(ActionJsonConverter))]
public abstract record LineAction
{
    private protected LineAction(string? label) => Label = label;

    /// <summary>LINE's <c>type</c> discriminator, for example <c>postback</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }

    /// <summary>The button's label (at most 20 characters in most places; 40 in some, see LINE's docs).</summary>
    [JsonPropertyOrder(-99)]
    public string? Label { get; init; }
}
