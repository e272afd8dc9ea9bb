using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Tests.Messages;

public sealed class RoundTripProperties
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Serialize_deserialize_serialize_gives_the_same_json() =>
        Prop.ForAll(MessageGenerators.Messages.ToArbitrary(), message =>
        {
            var first = JsonSerializer.Serialize(message, LineJsonContext.Default.Message);
            var back = JsonSerializer.Deserialize(first, LineJsonContext.Default.Message)!;
            var second = JsonSerializer.Serialize(back, LineJsonContext.Default.Message);
            return (first == second && back.GetType() == message.GetType()).Label(first);
        });

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Nothing_null_is_ever_written() =>
        Prop.ForAll(MessageGenerators.Messages.ToArbitrary(), message =>
            !HasNull(JsonNode.Parse(JsonSerializer.Serialize(message, LineJsonContext.Default.Message))));

    private static bool HasNull(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Any(p => HasNull(p.Value)),
        JsonArray a => a.Any(HasNull),
        _ => false,
    };
}
