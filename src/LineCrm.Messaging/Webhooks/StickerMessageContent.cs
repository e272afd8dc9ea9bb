namespace LineCrm.Messaging.Webhooks;

/// <summary>A sticker message.</summary>
public sealed record StickerMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "sticker";

    /// <summary>The sticker package's id.</summary>
    public string PackageId { get; init; } = string.Empty;

    /// <summary>The sticker's id.</summary>
    public string StickerId { get; init; } = string.Empty;

    /// <summary>
    /// The sticker's kind: <c>STATIC</c>, <c>ANIMATION</c>, <c>SOUND</c>, <c>ANIMATION_SOUND</c>, <c>POPUP</c>,
    /// <c>POPUP_SOUND</c>, <c>CUSTOM</c>, <c>MESSAGE</c>, <c>NAME_TEXT</c>, <c>PER_STICKER_TEXT</c>; others may appear.
    /// </summary>
    public string StickerResourceType { get; init; } = string.Empty;

    /// <summary>Up to 15 keywords describing the sticker (LINE picks them at random per event); empty when none.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The text the user typed, for message stickers.</summary>
    public string? Text { get; init; }

    /// <summary>The token to quote this message.</summary>
    public string? QuoteToken { get; init; }

    /// <summary>The id of the message this one quotes, when it quotes one.</summary>
    public string? QuotedMessageId { get; init; }
}
