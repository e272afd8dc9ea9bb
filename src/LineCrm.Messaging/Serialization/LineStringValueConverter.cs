using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Serialization;

/// <summary>A LINE enum kept as its string, so a value added by LINE later is carried instead of thrown on.</summary>
/// <typeparam name="TSelf">The value type.</typeparam>
internal interface ILineStringValue<TSelf>
    where TSelf : struct, ILineStringValue<TSelf>
{
    /// <summary>The value as LINE spells it.</summary>
    string Value { get; }

    /// <summary>Wraps a value read from LINE.</summary>
    static abstract TSelf From(string value);
}

/// <summary>Reads and writes an <see cref="ILineStringValue{TSelf}"/> as its plain JSON string.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class LineStringValueConverter<T> : JsonConverter<T>
    where T : struct, ILineStringValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.From(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value ?? string.Empty);
}

/// <summary>Reads LINE's millisecond Unix timestamps (<c>created</c>, <c>expireTimestamp</c>) as <see cref="DateTimeOffset"/>.</summary>
internal sealed class UnixMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}

/// <summary>Reads and writes LINE's <c>yyyyMMdd</c> dates as <see cref="DateOnly"/>.</summary>
internal sealed class LineDateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return LineDates.TryParse(text, out var date)
            ? date
            : throw new JsonException($"Expected a yyyyMMdd date, got '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LineDates.Format(value));
}
