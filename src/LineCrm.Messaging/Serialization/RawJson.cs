using System.Text.Json;

namespace LineCrm.Messaging.Serialization;

/// <summary>Small helpers for the <c>Unknown*</c> fallbacks that keep raw JSON.</summary>
internal static class RawJson
{
    public static JsonElement RequireObject(JsonElement json, string parameterName)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Expected a JSON object, got {json.ValueKind}.", parameterName);
        }

        return json.Clone();
    }

    public static string TypeOf(JsonElement json) => StringProperty(json, "type") ?? string.Empty;

    public static string? StringProperty(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
