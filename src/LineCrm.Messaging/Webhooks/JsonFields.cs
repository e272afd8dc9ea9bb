using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Reads typed fields from a JSON object with LINE's leniency: a missing field or <c>null</c> is "not given"; a field
/// of the wrong kind is an error that names the field. Names are UTF-8 literals so lookups do not transcode.
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => GetString(value, name, scope),
            JsonValueKind.Null => null,
            _ => throw WrongKind(name, scope, "a string", value.ValueKind),
        };
    }

    public static string RequiredString(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope) =>
        String(obj, name, scope) ?? string.Empty;

    public static long? Int64(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WrongKind(name, scope, "an integer", value.ValueKind);
        }

        return value.TryGetInt64(out var number)
            ? number
            : throw new WebhookShapeException($"'{value.GetRawText()}' is not a 64-bit integer.", scope.Field(name));
    }

    public static int? Int32(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        var number = Int64(obj, name, scope);
        return number is null or (>= int.MinValue and <= int.MaxValue)
            ? (int?)number
            : throw new WebhookShapeException($"{number} is out of range for a 32-bit integer.", scope.Field(name));
    }

    public static double? Double(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WrongKind(name, scope, "a number", value.ValueKind);
        }

        return value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new WebhookShapeException($"'{value.GetRawText()}' is not a finite number.", scope.Field(name));
    }

    public static bool? Boolean(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw WrongKind(name, scope, "true or false", value.ValueKind),
        };
    }

    /// <summary>Milliseconds since the Unix epoch, as LINE writes times.</summary>
    public static DateTimeOffset UnixMilliseconds(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        var milliseconds = Int64(obj, name, scope) ?? 0;
        if (milliseconds < MinUnixMilliseconds || milliseconds > MaxUnixMilliseconds)
        {
            throw new WebhookShapeException($"{milliseconds} is not a time in milliseconds since 1970.", scope.Field(name));
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public static Uri? AbsoluteUri(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        var text = String(obj, name, scope);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new WebhookShapeException($"'{text}' is not an absolute URL.", scope.Field(name));
    }

    /// <summary>The object in field <paramref name="name"/>, or false when it is missing or null.</summary>
    public static bool Object(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Object ? true : throw WrongKind(name, scope, "an object", value.ValueKind);
    }

    /// <summary>The array in field <paramref name="name"/>, or false when it is missing or null.</summary>
    public static bool Array(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Array ? true : throw WrongKind(name, scope, "an array", value.ValueKind);
    }

    /// <summary>An array of strings; empty when missing.</summary>
    public static IReadOnlyList<string> Strings(JsonElement obj, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        if (!Array(obj, name, scope, out var array))
        {
            return [];
        }

        var result = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            result[i] = item.ValueKind == JsonValueKind.String
                ? GetString(item, name, scope)
                : throw new WebhookShapeException($"Expected a string but found {Describe(item.ValueKind)}.", $"{scope.Field(name)}[{i}]");
            i++;
        }

        return result;
    }

    /// <summary>Checks that an array item is an object.</summary>
    public static JsonElement ItemObject(JsonElement item, in JsonScope itemScope) =>
        item.ValueKind == JsonValueKind.Object
            ? item
            : throw new WebhookShapeException($"Expected an object but found {Describe(item.ValueKind)}.", $"{itemScope.Path}[{itemScope.Index}]");

    public static WebhookShapeException WrongKind(ReadOnlySpan<byte> name, in JsonScope scope, string expected, JsonValueKind found) =>
        new($"Expected {expected} but found {Describe(found)}.", scope.Field(name));

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string GetString(JsonElement value, ReadOnlySpan<byte> name, in JsonScope scope)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // The reader checks structure, not always the UTF-8 inside strings; a broken sequence surfaces here.
            throw new WebhookShapeException($"The string is not valid UTF-8 ({e.Message}).", scope.Field(name));
        }
    }

    // DateTimeOffset's range in Unix milliseconds (years 0001 to 9999).
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;
}
