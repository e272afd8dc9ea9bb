using System.Text.Json;
using LineCrm.Messaging.Client;

namespace LineCrm.Messaging.Serialization;

/// <summary>Reads and writes <see cref="NarrowcastRecipient"/> by its <c>type</c>.</summary>
internal sealed class RecipientJsonConverter() : DiscriminatedJsonConverter<NarrowcastRecipient>(Types)
{
    private static readonly KeyValuePair<string, Type>[] Types =
    [
        new("audience", typeof(AudienceRecipient)),
        new("redelivery", typeof(RedeliveryRecipient)),
        new("operator", typeof(OperatorRecipient)),
    ];

    protected override NarrowcastRecipient CreateUnknown(JsonElement json) => new UnknownRecipient(json);
}
