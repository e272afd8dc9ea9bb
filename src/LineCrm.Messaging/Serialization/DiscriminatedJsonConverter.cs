using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Serialization;

/// <summary>
/// Reads and writes a family of LINE objects told apart by a <c>type</c> property (messages, actions, flex
/// components, templates, …). Known discriminators map to concrete types, serialized through the source-generated
/// metadata; an unknown one is kept as raw JSON by <see cref="CreateUnknown"/>, so nothing is lost and nothing throws.
/// </summary>
/// <typeparam name="TBase">The family's base type.</typeparam>
internal abstract class DiscriminatedJsonConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    private readonly FrozenDictionary<string, Type> _types;

    protected DiscriminatedJsonConverter(IEnumerable<KeyValuePair<string, Type>> types) =>
        _types = types.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The discriminators this converter knows, for tests and documentation.</summary>
    public IReadOnlyCollection<string> KnownTypes => _types.Keys;

    /// <summary>The property that carries the discriminator; <c>type</c> for every LINE family.</summary>
    protected virtual string DiscriminatorName => "type";

    /// <summary>Wraps an object of an unknown discriminator.</summary>
    protected abstract TBase CreateUnknown(JsonElement json);

    /// <inheritdoc />
    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var json = JsonElement.ParseValue(ref reader);
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object for {typeof(TBase).Name}, got {json.ValueKind}.");
        }

        if (json.TryGetProperty(DiscriminatorName, out var discriminator)
            && discriminator.ValueKind == JsonValueKind.String
            && _types.TryGetValue(discriminator.GetString()!, out var concrete))
        {
            return (TBase?)json.Deserialize(options.GetTypeInfo(concrete));
        }

        return CreateUnknown(json);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        if (value is IRawJsonValue raw)
        {
            raw.Json.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }
}
