namespace LineCrm.Messaging.Webhooks;

/// <summary>An image message.</summary>
public sealed record ImageMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "image";

    /// <summary>Where the image is: on LINE's servers (download it by message id) or at an external URL.</summary>
    public ContentProvider ContentProvider { get; init; } = ContentProvider.Line;

    /// <summary>The set this image belongs to, when several images were sent at once.</summary>
    public ImageSet? ImageSet { get; init; }

    /// <summary>The token to quote this message.</summary>
    public string? QuoteToken { get; init; }
}

/// <summary>A video message.</summary>
public sealed record VideoMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "video";

    /// <summary>How long the video is, when LINE said.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Where the video is.</summary>
    public ContentProvider ContentProvider { get; init; } = ContentProvider.Line;

    /// <summary>The token to quote this message.</summary>
    public string? QuoteToken { get; init; }
}

/// <summary>An audio message.</summary>
public sealed record AudioMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "audio";

    /// <summary>How long the audio is, when LINE said.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Where the audio is.</summary>
    public ContentProvider ContentProvider { get; init; } = ContentProvider.Line;
}

/// <summary>A file message.</summary>
public sealed record FileMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "file";

    /// <summary>The file's name.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>The file's size in bytes.</summary>
    public long FileSize { get; init; }
}

/// <summary>Where a media message's content is (<c>contentProvider</c>).</summary>
public sealed record ContentProvider
{
    /// <summary>Content on LINE's servers: download it by the message id.</summary>
    public static ContentProvider Line { get; } = new() { Type = "line" };

    /// <summary><c>line</c> or <c>external</c>; other values may appear in future.</summary>
    public string Type { get; init; } = "line";

    /// <summary>The content's URL, for external content.</summary>
    public Uri? OriginalContentUrl { get; init; }

    /// <summary>The preview image's URL, for external content.</summary>
    public Uri? PreviewImageUrl { get; init; }
}

/// <summary>The set an image belongs to when several were sent at once (<c>imageSet</c>).</summary>
public sealed record ImageSet
{
    /// <summary>The set's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>This image's position in the set, from 1; missing from old Android clients.</summary>
    public int? Index { get; init; }

    /// <summary>How many images the set has.</summary>
    public int? Total { get; init; }
}
