using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>Sends <paramref name="Text"/> as the user's message when tapped.</summary>
/// <param name="Label">The label.</param>
/// <param name="Text">The text sent, at most 300 characters.</param>
public sealed record MessageAction(string? Label, string Text) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "message";
}
