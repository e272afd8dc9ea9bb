using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages.Actions;

/// <summary>Lets the user pick a date, a time or both; the choice comes back in a postback event.</summary>
/// <param name="Label">The label.</param>
/// <param name="Data">The data returned in the postback event, at most 300 characters.</param>
/// <param name="Mode"><c>date</c>, <c>time</c> or <c>datetime</c>.</param>
public sealed record DatetimePickerAction(string? Label, string Data, string Mode) : LineAction(Label)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "datetimepicker";

    /// <summary>The initial value, in the mode's format (for example <c>2026-11-23</c>, <c>10:00</c>, <c>2026-11-23T10:00</c>).</summary>
    public string? Initial { get; init; }

    /// <summary>The largest value that can be picked.</summary>
    public string? Max { get; init; }

    /// <summary>The smallest value that can be picked.</summary>
    public string? Min { get; init; }
}
