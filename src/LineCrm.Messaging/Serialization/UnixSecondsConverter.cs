using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Serialization;

/// <summary>Reads and writes LINE's second-resolution Unix timestamps (coupon periods, membership join times) as <see cref="DateTimeOffset"/>.</summary>
internal sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
