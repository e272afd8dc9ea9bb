using System.Text.Json;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Messages;

/// <summary>
/// Messages as the JSON LINE receives (the <c>messages</c> array of a push or multicast), and back: for tools that
/// store messages, or rewrite them (personalisation) without knowing every message type.
/// </summary>
public static class MessageJson
{
    /// <summary>Writes messages as LINE's <c>messages</c> array.</summary>
    /// <param name="messages">The messages.</param>
    /// <returns>The JSON array.</returns>
    public static string Serialize(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return JsonSerializer.Serialize(messages, LineJsonContext.Default.IReadOnlyListMessage);
    }

    /// <summary>Reads a <c>messages</c> array; a message type this SDK does not model becomes an <see cref="UnknownMessage"/>.</summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="JsonException">The text is not a JSON array of message objects.</exception>
    public static IReadOnlyList<Message> Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, LineJsonContext.Default.IReadOnlyListMessage)
            ?? throw new JsonException("The messages are null; expected a JSON array of message objects.");
    }

    /// <summary>
    /// Checks LINE's documented limits on 1 to 5 messages, as every send does before its request: the message that
    /// breaks one is named by its path (<c>messages[0].text</c>) with the limit and the value.
    /// </summary>
    /// <param name="messages">The messages.</param>
    /// <exception cref="ArgumentException">A message breaks a documented limit, or there are none or more than 5.</exception>
    public static void Validate(IReadOnlyList<Message> messages) => MessageValidator.ValidateMessages(messages);
}
