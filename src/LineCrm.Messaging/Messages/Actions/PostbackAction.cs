using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>Sends a postback event with <paramref name="Data"/> to the webhook.</summary>
/// <param name="Label">The label.</param>
/// <param name="Data">The data returned in the postback event, at most 300 characters.</param>
public sealed record PostbackAction(string? Label, string Data) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "postback";

    /// <summary>Text shown in the chat as the user's message when tapped (at most 300 characters).</summary>
    public string? DisplayText { get; init; }

    /// <summary>Deprecated by LINE in favour of <see cref="DisplayText"/>; kept for completeness.</summary>
    public string? Text { get; init; }

    /// <summary>What opens after the tap: <c>closeRichMenu</c>, <c>openRichMenu</c>, <c>openKeyboard</c> or <c>openVoice</c>.</summary>
    public string? InputOption { get; init; }

    /// <summary>Text pre-filled in the keyboard when <see cref="InputOption"/> is <c>openKeyboard</c> (at most 300 characters).</summary>
    public string? FillInText { get; init; }
}
