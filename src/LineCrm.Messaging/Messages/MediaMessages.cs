using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages;

/// <summary>A sticker: <c>new StickerMessage("446", "1988")</c>.</summary>
/// <param name="PackageId">The sticker package's id.</param>
/// <param name="StickerId">The sticker's id.</param>
public sealed record StickerMessage(string PackageId, string StickerId) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "sticker";

    /// <summary>The quote token of a message to quote.</summary>
    public string? QuoteToken { get; init; }
}

/// <summary>An image.</summary>
/// <param name="OriginalContentUrl">The image's https URL (JPEG or PNG, at most 2,000 characters).</param>
/// <param name="PreviewImageUrl">The preview's https URL (at most 2,000 characters).</param>
public sealed record ImageMessage(string OriginalContentUrl, string PreviewImageUrl) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "image";
}

/// <summary>A video.</summary>
/// <param name="OriginalContentUrl">The mp4's https URL (at most 2,000 characters).</param>
/// <param name="PreviewImageUrl">The preview image's https URL (at most 2,000 characters).</param>
public sealed record VideoMessage(string OriginalContentUrl, string PreviewImageUrl) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "video";

    /// <summary>An id to recognise the video in video-viewing-complete webhook events (at most 100 characters).</summary>
    public string? TrackingId { get; init; }
}

/// <summary>An audio clip.</summary>
/// <param name="OriginalContentUrl">The audio file's https URL (mp3 or m4a, at most 2,000 characters).</param>
/// <param name="Duration">Its length in milliseconds.</param>
public sealed record AudioMessage(string OriginalContentUrl, long Duration) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "audio";
}

/// <summary>A location on the map.</summary>
/// <param name="Title">The title, at most 100 characters.</param>
/// <param name="Address">The address, at most 100 characters.</param>
/// <param name="Latitude">The latitude.</param>
/// <param name="Longitude">The longitude.</param>
public sealed record LocationMessage(string Title, string Address, double Latitude, double Longitude) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "location";
}

/// <summary>A coupon created with LINE's coupon API.</summary>
/// <param name="CouponId">The coupon's id.</param>
public sealed record CouponMessage(string CouponId) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "coupon";

    /// <summary>A tag to tell deliveries apart in statistics, at most 30 characters.</summary>
    public string? DeliveryTag { get; init; }
}
