using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Flex;

/// <summary>A box that lays out its contents horizontally, vertically or on a text baseline.</summary>
/// <param name="Layout"><c>horizontal</c>, <c>vertical</c> or <c>baseline</c>.</param>
/// <param name="Contents">The components inside (may be empty).</param>
public sealed record FlexBox(string Layout, IReadOnlyList<FlexComponent> Contents) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "box";

    /// <summary>The share of the parent box's space (0 for its content's size).</summary>
    public int? Flex { get; init; }

    /// <summary>Space between the contents: a keyword (<c>none</c> … <c>xxl</c>) or pixels.</summary>
    public string? Spacing { get; init; }

    /// <summary>Space before this box in its parent.</summary>
    public string? Margin { get; init; }

    /// <summary><c>relative</c> or <c>absolute</c>.</summary>
    public string? Position { get; init; }

    /// <summary>Offset from the top.</summary>
    public string? OffsetTop { get; init; }

    /// <summary>Offset from the bottom.</summary>
    public string? OffsetBottom { get; init; }

    /// <summary>Offset from the start.</summary>
    public string? OffsetStart { get; init; }

    /// <summary>Offset from the end.</summary>
    public string? OffsetEnd { get; init; }

    /// <summary>The background colour.</summary>
    public string? BackgroundColor { get; init; }

    /// <summary>The border colour.</summary>
    public string? BorderColor { get; init; }

    /// <summary>The border width: pixels or <c>none</c>, <c>light</c>, <c>normal</c>, <c>medium</c>, <c>semi-bold</c>, <c>bold</c>.</summary>
    public string? BorderWidth { get; init; }

    /// <summary>The corner radius: pixels or <c>none</c> … <c>xxl</c>.</summary>
    public string? CornerRadius { get; init; }

    /// <summary>The width (pixels or percent).</summary>
    public string? Width { get; init; }

    /// <summary>The largest width.</summary>
    public string? MaxWidth { get; init; }

    /// <summary>The height.</summary>
    public string? Height { get; init; }

    /// <summary>The largest height.</summary>
    public string? MaxHeight { get; init; }

    /// <summary>Padding on all sides.</summary>
    public string? PaddingAll { get; init; }

    /// <summary>Padding at the top.</summary>
    public string? PaddingTop { get; init; }

    /// <summary>Padding at the bottom.</summary>
    public string? PaddingBottom { get; init; }

    /// <summary>Padding at the start.</summary>
    public string? PaddingStart { get; init; }

    /// <summary>Padding at the end.</summary>
    public string? PaddingEnd { get; init; }

    /// <summary>What tapping the box does.</summary>
    public LineAction? Action { get; init; }

    /// <summary><c>center</c>, <c>flex-start</c>, <c>flex-end</c>, <c>space-between</c>, <c>space-around</c> or <c>space-evenly</c>.</summary>
    public string? JustifyContent { get; init; }

    /// <summary><c>center</c>, <c>flex-start</c> or <c>flex-end</c>.</summary>
    public string? AlignItems { get; init; }

    /// <summary>A background (a linear gradient).</summary>
    public FlexBoxBackground? Background { get; init; }
}

/// <summary>A box's background.</summary>
[JsonConverter(typeof(FlexBackgroundJsonConverter))]
public abstract record FlexBoxBackground
{
    private protected FlexBoxBackground()
    {
    }

    /// <summary>LINE's <c>type</c>: <c>linearGradient</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }
}

/// <summary>A linear gradient background.</summary>
/// <param name="Angle">The angle, for example <c>90deg</c>.</param>
/// <param name="StartColor">The start colour.</param>
/// <param name="EndColor">The end colour.</param>
public sealed record FlexLinearGradient(string Angle, string StartColor, string EndColor) : FlexBoxBackground
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "linearGradient";

    /// <summary>A middle colour.</summary>
    public string? CenterColor { get; init; }

    /// <summary>Where the middle colour is, for example <c>30%</c>.</summary>
    public string? CenterPosition { get; init; }
}

/// <summary>A background of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownFlexBoxBackground : FlexBoxBackground, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The background object.</param>
    public UnknownFlexBoxBackground(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}
