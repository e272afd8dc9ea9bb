using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>Opens the camera (quick reply only).</summary>
/// <param name="Label">The label, at most 20 characters.</param>
public sealed record CameraAction(string Label) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "camera";
}

/// <summary>Opens the camera roll (quick reply only).</summary>
/// <param name="Label">The label, at most 20 characters.</param>
public sealed record CameraRollAction(string Label) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "cameraRoll";
}

/// <summary>Opens the location screen (quick reply only).</summary>
/// <param name="Label">The label, at most 20 characters.</param>
public sealed record LocationAction(string Label) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "location";
}

/// <summary>Switches the user's rich menu to the one with alias <paramref name="RichMenuAliasId"/>.</summary>
/// <param name="Label">The label.</param>
/// <param name="RichMenuAliasId">The alias of the rich menu to switch to, at most 32 characters.</param>
/// <param name="Data">The data returned in the postback event, at most 300 characters.</param>
public sealed record RichMenuSwitchAction(string? Label, string RichMenuAliasId, string Data) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "richmenuswitch";
}

/// <summary>Copies <paramref name="ClipboardText"/> to the clipboard when tapped.</summary>
/// <param name="Label">The label.</param>
/// <param name="ClipboardText">The text copied, 1 to 1,000 characters.</param>
public sealed record ClipboardAction(string? Label, string ClipboardText) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "clipboard";
}
