using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages;

/// <summary>A text message: <c>new TextMessage("Thanks for your order!")</c>.</summary>
/// <param name="Text">The text, 1 to 5,000 characters. LINE emojis are placed with <c>$</c> and <see cref="Emojis"/>.</param>
public sealed record TextMessage(string Text) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "text";

    /// <summary>LINE emojis replacing <c>$</c> characters of <see cref="Text"/> (at most 20).</summary>
    public IReadOnlyList<TextEmoji>? Emojis { get; init; }

    /// <summary>The quote token of a message to quote, from a webhook or a send response.</summary>
    public string? QuoteToken { get; init; }
}

/// <summary>A LINE emoji in a text message, replacing the <c>$</c> at <paramref name="Index"/>.</summary>
/// <param name="Index">The position of the <c>$</c> in the text (UTF-16 code units, from 0).</param>
/// <param name="ProductId">The emoji set's product id.</param>
/// <param name="EmojiId">The emoji's id within the set.</param>
public sealed record TextEmoji(int Index, string ProductId, string EmojiId);
