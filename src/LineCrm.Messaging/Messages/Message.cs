using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages;

/// <summary>
/// A message object of the LINE Messaging API (text, sticker, image, flex, …). Serialized exactly as LINE's OpenAPI
/// document writes it: camelCase, a <c>type</c> discriminator, absent values left out. A message of a type this
/// library does not know is read as an <see cref="UnknownMessage"/> that keeps its JSON.
/// </summary>
[JsonConverter(typeof(MessageJsonConverter))]
public abstract record Message
{
    private protected Message()
    {
    }

    /// <summary>LINE's <c>type</c> discriminator, for example <c>text</c>.</summary>
    [JsonPropertyOrder(-100)]
    public abstract string Type { get; }

    /// <summary>Quick reply buttons shown with this message (at most 13).</summary>
    [JsonPropertyOrder(100)]
    public QuickReply? QuickReply { get; init; }

    /// <summary>Another display name and icon for this message.</summary>
    [JsonPropertyOrder(101)]
    public Sender? Sender { get; init; }
}
