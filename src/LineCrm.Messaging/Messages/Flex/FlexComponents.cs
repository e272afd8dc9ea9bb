using System.Text.Json.Serialization;
using LineCrm.Messaging.Messages.Actions;

namespace LineCrm.Messaging.Messages.Flex;

/// <summary>A button.</summary>
/// <param name="Action">What tapping it does.</param>
public sealed record FlexButton(LineAction Action) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "button";

    /// <summary>The share of the parent box's space.</summary>
    public int? Flex { get; init; }

    /// <summary>The colour of the button (or of its text for <c>link</c>).</summary>
    public string? Color { get; init; }

    /// <summary><c>primary</c>, <c>secondary</c> or <c>link</c>.</summary>
    public string? Style { get; init; }

    /// <summary><c>top</c>, <c>bottom</c> or <c>center</c>.</summary>
    public string? Gravity { get; init; }

    /// <summary>Space before it.</summary>
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

    /// <summary><c>sm</c> or <c>md</c>.</summary>
    public string? Height { get; init; }

    /// <summary><c>shrink-to-fit</c> to shrink the label's font to fit.</summary>
    public string? AdjustMode { get; init; }

    /// <summary>True to scale the font with the user's font size setting.</summary>
    public bool? Scaling { get; init; }
}

/// <summary>An image.</summary>
/// <param name="Url">The image's https URL (JPEG or PNG, at most 2,000 characters).</param>
public sealed record FlexImage(string Url) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "image";

    /// <summary>The share of the parent box's space.</summary>
    public int? Flex { get; init; }

    /// <summary>Space before it.</summary>
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

    /// <summary><c>start</c>, <c>end</c> or <c>center</c>.</summary>
    public string? Align { get; init; }

    /// <summary><c>top</c>, <c>bottom</c> or <c>center</c>.</summary>
    public string? Gravity { get; init; }

    /// <summary>The width: <c>xxs</c> … <c>5xl</c>, <c>full</c>, pixels or percent.</summary>
    public string? Size { get; init; }

    /// <summary><c>width:height</c>, for example <c>20:13</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>fit</c> or <c>cover</c>.</summary>
    public string? AspectMode { get; init; }

    /// <summary>The background colour.</summary>
    public string? BackgroundColor { get; init; }

    /// <summary>What tapping it does.</summary>
    public LineAction? Action { get; init; }

    /// <summary>True to play an animated PNG (at most 10 per message).</summary>
    public bool? Animated { get; init; }
}

/// <summary>A video (hero block only), with content shown where video is not supported.</summary>
/// <param name="Url">The mp4's https URL.</param>
/// <param name="PreviewUrl">The preview image's https URL.</param>
/// <param name="AltContent">Shown instead where video cannot play (a box or image).</param>
public sealed record FlexVideo(string Url, string PreviewUrl, FlexComponent AltContent) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "video";

    /// <summary><c>width:height</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>The link shown after the video ends (a uri action).</summary>
    public LineAction? Action { get; init; }
}

/// <summary>An icon, in a baseline box.</summary>
/// <param name="Url">The icon's https URL.</param>
public sealed record FlexIcon(string Url) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "icon";

    /// <summary><c>xxs</c> … <c>5xl</c> or pixels.</summary>
    public string? Size { get; init; }

    /// <summary><c>width:height</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>Space before it.</summary>
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

    /// <summary>True to scale with the user's font size setting.</summary>
    public bool? Scaling { get; init; }
}

/// <summary>A text; with <see cref="Contents"/> its spans are shown instead of <see cref="Text"/>.</summary>
/// <param name="Text">The text (may be null when <see cref="Contents"/> is set).</param>
public sealed record FlexText(string? Text) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "text";

    /// <summary>Spans with their own styles.</summary>
    public IReadOnlyList<FlexSpan>? Contents { get; init; }

    /// <summary>The share of the parent box's space.</summary>
    public int? Flex { get; init; }

    /// <summary>The font size: <c>xxs</c> … <c>5xl</c> or pixels.</summary>
    public string? Size { get; init; }

    /// <summary><c>start</c>, <c>end</c> or <c>center</c>.</summary>
    public string? Align { get; init; }

    /// <summary><c>top</c>, <c>bottom</c> or <c>center</c>.</summary>
    public string? Gravity { get; init; }

    /// <summary>The colour.</summary>
    public string? Color { get; init; }

    /// <summary><c>regular</c> or <c>bold</c>.</summary>
    public string? Weight { get; init; }

    /// <summary><c>normal</c> or <c>italic</c>.</summary>
    public string? Style { get; init; }

    /// <summary><c>none</c>, <c>underline</c> or <c>line-through</c>.</summary>
    public string? Decoration { get; init; }

    /// <summary>True to wrap long text.</summary>
    public bool? Wrap { get; init; }

    /// <summary>The line spacing in pixels, for wrapped text.</summary>
    public string? LineSpacing { get; init; }

    /// <summary>Space before it.</summary>
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

    /// <summary>What tapping it does.</summary>
    public LineAction? Action { get; init; }

    /// <summary>The most lines shown (0 for no limit).</summary>
    public int? MaxLines { get; init; }

    /// <summary><c>shrink-to-fit</c>.</summary>
    public string? AdjustMode { get; init; }

    /// <summary>True to scale with the user's font size setting.</summary>
    public bool? Scaling { get; init; }
}

/// <summary>A run of text with its own style inside a <see cref="FlexText"/>.</summary>
/// <param name="Text">The text.</param>
public sealed record FlexSpan(string Text) : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "span";

    /// <summary>The font size.</summary>
    public string? Size { get; init; }

    /// <summary>The colour.</summary>
    public string? Color { get; init; }

    /// <summary><c>regular</c> or <c>bold</c>.</summary>
    public string? Weight { get; init; }

    /// <summary><c>normal</c> or <c>italic</c>.</summary>
    public string? Style { get; init; }

    /// <summary><c>none</c>, <c>underline</c> or <c>line-through</c>.</summary>
    public string? Decoration { get; init; }
}

/// <summary>A line between components.</summary>
public sealed record FlexSeparator : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "separator";

    /// <summary>Space before it.</summary>
    public string? Margin { get; init; }

    /// <summary>The colour.</summary>
    public string? Color { get; init; }
}

/// <summary>Empty space that takes a share of the box.</summary>
public sealed record FlexFiller : FlexComponent
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "filler";

    /// <summary>The share of the parent box's space.</summary>
    public int? Flex { get; init; }
}
