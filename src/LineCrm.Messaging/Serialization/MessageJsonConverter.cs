using System.Text.Json;
using LineCrm.Messaging.Messages;

namespace LineCrm.Messaging.Serialization;

/// <summary>Reads and writes <see cref="Message"/> by its <c>type</c>; unknown types become <see cref="UnknownMessage"/>.</summary>
internal sealed class MessageJsonConverter() : DiscriminatedJsonConverter<Message>(Types)
{
    private static readonly KeyValuePair<string, Type>[] Types =
    [
        new("text", typeof(TextMessage)),
    ];

    protected override Message CreateUnknown(JsonElement json) => new UnknownMessage(json);
}
