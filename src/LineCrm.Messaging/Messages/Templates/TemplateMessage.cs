using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Templates;

/// <summary>A template message: buttons, confirm, carousel or image carousel, with <see cref="AltText"/> for notifications.</summary>
/// <param name="AltText">Shown in notifications and chat lists, 1 to 400 characters.</param>
/// <param name="Template">The template.</param>
public sealed record TemplateMessage(string AltText, Template Template) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "template";
}

/// <summary>The body of a <see cref="TemplateMessage"/>.</summary>
[JsonConverter(typeof(TemplateJsonConverter))]
public abstract record Template
{
    private protected Template()
    {
    }

    /// <summary><c>buttons</c>, <c>confirm</c>, <c>carousel</c> or <c>image_carousel</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }
}

/// <summary>An image, title, text and up to 4 buttons.</summary>
/// <param name="Text">The text: at most 160 characters, or 60 with an image or title.</param>
/// <param name="Actions">1 to 4 buttons.</param>
public sealed record ButtonsTemplate(string Text, IReadOnlyList<LineAction> Actions) : Template
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "buttons";

    /// <summary>The image's https URL (at most 2,000 characters).</summary>
    public string? ThumbnailImageUrl { get; init; }

    /// <summary><c>rectangle</c> (1.51:1) or <c>square</c>.</summary>
    public string? ImageAspectRatio { get; init; }

    /// <summary><c>cover</c> or <c>contain</c>.</summary>
    public string? ImageSize { get; init; }

    /// <summary>The image background colour, <c>#RRGGBB</c>.</summary>
    public string? ImageBackgroundColor { get; init; }

    /// <summary>The title, at most 40 characters.</summary>
    public string? Title { get; init; }

    /// <summary>What tapping the image, title or text does.</summary>
    public LineAction? DefaultAction { get; init; }
}

/// <summary>A question with two buttons.</summary>
/// <param name="Text">The text, at most 240 characters.</param>
/// <param name="Actions">Exactly 2 buttons.</param>
public sealed record ConfirmTemplate(string Text, IReadOnlyList<LineAction> Actions) : Template
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "confirm";
}

/// <summary>Up to 10 columns to scroll through.</summary>
/// <param name="Columns">1 to 10 columns, each with the same number of actions.</param>
public sealed record CarouselTemplate(IReadOnlyList<CarouselColumn> Columns) : Template
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "carousel";

    /// <summary><c>rectangle</c> or <c>square</c>, for every column's image.</summary>
    public string? ImageAspectRatio { get; init; }

    /// <summary><c>cover</c> or <c>contain</c>.</summary>
    public string? ImageSize { get; init; }
}

/// <summary>One column of a <see cref="CarouselTemplate"/>.</summary>
/// <param name="Text">The text: at most 120 characters, or 60 with an image or title.</param>
/// <param name="Actions">1 to 3 buttons.</param>
public sealed record CarouselColumn(string Text, IReadOnlyList<LineAction> Actions)
{
    /// <summary>The image's https URL.</summary>
    public string? ThumbnailImageUrl { get; init; }

    /// <summary>The image background colour, <c>#RRGGBB</c>.</summary>
    public string? ImageBackgroundColor { get; init; }

    /// <summary>The title, at most 40 characters.</summary>
    public string? Title { get; init; }

    /// <summary>What tapping the image, title or text does.</summary>
    public LineAction? DefaultAction { get; init; }
}

/// <summary>Up to 10 images to scroll through, each with one action.</summary>
/// <param name="Columns">1 to 10 columns.</param>
public sealed record ImageCarouselTemplate(IReadOnlyList<ImageCarouselColumn> Columns) : Template
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "image_carousel";
}

/// <summary>One image of an <see cref="ImageCarouselTemplate"/>.</summary>
/// <param name="ImageUrl">The image's https URL.</param>
/// <param name="Action">What tapping it does (label at most 12 characters).</param>
public sealed record ImageCarouselColumn(string ImageUrl, LineAction Action);

/// <summary>A template of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownTemplate : Template, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The template object.</param>
    public UnknownTemplate(JsonElement json)
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}
