using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Flex;

/// <summary>The top level of a flex message: a bubble or a carousel.</summary>
[JsonConverter(typeof(FlexContainerJsonConverter))]
public abstract record FlexContainer
{
    private protected FlexContainer()
    {
    }

    /// <summary><c>bubble</c> or <c>carousel</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }
}

/// <summary>One message bubble with up to four blocks: header, hero, body and footer.</summary>
public sealed record FlexBubble : FlexContainer
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "bubble";

    /// <summary><c>nano</c>, <c>micro</c>, <c>deca</c>, <c>hecto</c>, <c>kilo</c>, <c>mega</c> (default) or <c>giga</c>.</summary>
    public string? Size { get; init; }

    /// <summary><c>ltr</c> or <c>rtl</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>The header block.</summary>
    public FlexBox? Header { get; init; }

    /// <summary>The hero block: usually an image, or a box or video.</summary>
    public FlexComponent? Hero { get; init; }

    /// <summary>The body block.</summary>
    public FlexBox? Body { get; init; }

    /// <summary>The footer block.</summary>
    public FlexBox? Footer { get; init; }

    /// <summary>Styles of the blocks.</summary>
    public FlexBubbleStyles? Styles { get; init; }

    /// <summary>What tapping the bubble does.</summary>
    public LineAction? Action { get; init; }
}

/// <summary>Bubbles side by side, scrolled horizontally.</summary>
/// <param name="Contents">1 to 12 bubbles.</param>
public sealed record FlexCarousel(IReadOnlyList<FlexBubble> Contents) : FlexContainer
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "carousel";
}

/// <summary>Styles of a bubble's blocks.</summary>
public sealed record FlexBubbleStyles
{
    /// <summary>The header's style.</summary>
    public FlexBlockStyle? Header { get; init; }

    /// <summary>The hero's style.</summary>
    public FlexBlockStyle? Hero { get; init; }

    /// <summary>The body's style.</summary>
    public FlexBlockStyle? Body { get; init; }

    /// <summary>The footer's style.</summary>
    public FlexBlockStyle? Footer { get; init; }
}

/// <summary>The style of one block.</summary>
/// <param name="BackgroundColor">The background colour, <c>#RRGGBB</c> or <c>#RRGGBBAA</c>.</param>
/// <param name="Separator">True for a separator above the block.</param>
/// <param name="SeparatorColor">The separator's colour.</param>
public sealed record FlexBlockStyle(string? BackgroundColor = null, bool? Separator = null, string? SeparatorColor = null);

/// <summary>A flex container of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownFlexContainer : FlexContainer, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The container object.</param>
    public UnknownFlexContainer(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}
