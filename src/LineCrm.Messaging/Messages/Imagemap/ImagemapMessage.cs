using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages.Imagemap;

/// <summary>An image with tappable areas, and optionally a video playing in part of it.</summary>
/// <param name="BaseUrl">The base URL of the image set (LINE appends <c>/1040</c>, <c>/700</c>, …), at most 2,000 characters.</param>
/// <param name="AltText">Shown in notifications, 1 to 400 characters.</param>
/// <param name="BaseSize">The image's size at width 1040.</param>
/// <param name="Actions">The tappable areas, at most 50.</param>
public sealed record ImagemapMessage(string BaseUrl, string AltText, ImagemapBaseSize BaseSize, IReadOnlyList<ImagemapAction> Actions) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "imagemap";

    /// <summary>A video played in part of the image.</summary>
    public ImagemapVideo? Video { get; init; }
}

/// <summary>The imagemap's size.</summary>
/// <param name="Width">Always 1040.</param>
/// <param name="Height">The height at width 1040.</param>
public sealed record ImagemapBaseSize(int Width, int Height);

/// <summary>A rectangle of the imagemap, in pixels of the 1040-wide image.</summary>
/// <param name="X">Left.</param>
/// <param name="Y">Top.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record ImagemapArea(int X, int Y, int Width, int Height);

/// <summary>A video in an imagemap, with a link shown after it ends.</summary>
/// <param name="OriginalContentUrl">The mp4's https URL.</param>
/// <param name="PreviewImageUrl">The preview image's https URL.</param>
/// <param name="Area">Where it plays.</param>
public sealed record ImagemapVideo(string OriginalContentUrl, string PreviewImageUrl, ImagemapArea Area)
{
    /// <summary>The link shown when the video ends.</summary>
    public ImagemapExternalLink? ExternalLink { get; init; }
}

/// <summary>The link shown after an imagemap video.</summary>
/// <param name="LinkUri">The URL, at most 1,000 characters.</param>
/// <param name="Label">The label, at most 30 characters.</param>
public sealed record ImagemapExternalLink(string LinkUri, string Label);

/// <summary>A tappable area of an imagemap.</summary>
[JsonConverter(typeof(ImagemapActionJsonConverter))]
public abstract record ImagemapAction
{
    private protected ImagemapAction(ImagemapArea area) => Area = area;

    /// <summary><c>uri</c>, <c>message</c> or <c>clipboard</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }

    /// <summary>The area.</summary>
    public ImagemapArea Area { get; init; }

    /// <summary>The accessibility label, at most 100 characters.</summary>
    public string? Label { get; init; }
}

/// <summary>Opens a URL.</summary>
/// <param name="LinkUri">The URL, at most 1,000 characters.</param>
/// <param name="Area">The area.</param>
public sealed record UriImagemapAction(string LinkUri, ImagemapArea Area) : ImagemapAction(Area)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "uri";
}

/// <summary>Sends a text as the user.</summary>
/// <param name="Text">The text, at most 400 characters.</param>
/// <param name="Area">The area.</param>
public sealed record MessageImagemapAction(string Text, ImagemapArea Area) : ImagemapAction(Area)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "message";
}

/// <summary>Copies a text to the clipboard.</summary>
/// <param name="ClipboardText">The text, 1 to 1,000 characters.</param>
/// <param name="Area">The area.</param>
public sealed record ClipboardImagemapAction(string ClipboardText, ImagemapArea Area) : ImagemapAction(Area)
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "clipboard";
}

/// <summary>An imagemap action of a type this library does not know, kept as JSON.</summary>
public sealed record UnknownImagemapAction : ImagemapAction, IRawJsonValue
{
    /// <summary>Keeps <paramref name="json"/>, which must be an object.</summary>
    /// <param name="json">The action object.</param>
    public UnknownImagemapAction(JsonElement json)
        : base(new ImagemapArea(0, 0, 0, 0))
    {
        Json = RawJson.RequireObject(json, nameof(json));
        Type = RawJson.TypeOf(Json);
    }

    /// <inheritdoc />
    public override string Type { get; }

    /// <summary>The object as read.</summary>
    public JsonElement Json { get; }
}
