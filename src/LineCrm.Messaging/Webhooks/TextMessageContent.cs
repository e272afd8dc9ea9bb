namespace LineCrm.Messaging.Webhooks;

/// <summary>A text message.</summary>
public sealed record TextMessageContent : MessageContent
{
    /// <inheritdoc />
    public override string Type => "text";

    /// <summary>The text.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The LINE emoji in the text; empty when there are none.</summary>
    public IReadOnlyList<MessageEmoji> Emojis { get; init; } = [];

    /// <summary>The mentions in the text; empty when there are none.</summary>
    public IReadOnlyList<Mentionee> Mentionees { get; init; } = [];

    /// <summary>The token to quote this message in a reply or push.</summary>
    public string? QuoteToken { get; init; }

    /// <summary>The id of the message this one quotes, when it quotes one.</summary>
    public string? QuotedMessageId { get; init; }
}

/// <summary>A LINE emoji inside a text message.</summary>
public sealed record MessageEmoji
{
    /// <summary>Where it starts in the text (0-based, in UTF-16 code units as LINE counts them).</summary>
    public int Index { get; init; }

    /// <summary>How many characters of the text it takes, for example 7 for <c>(hello)</c>.</summary>
    public int Length { get; init; }

    /// <summary>The emoji set's product id.</summary>
    public string ProductId { get; init; } = string.Empty;

    /// <summary>The emoji's id inside the set.</summary>
    public string EmojiId { get; init; } = string.Empty;
}
