using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Copies a JSON value with the one value at a relative path (<c>message.emojis[2].index</c>) replaced by
/// <c>null</c>. Every other value is copied as its raw text, escapes and all, so a lone surrogate escape elsewhere
/// survives the copy untouched.
/// </summary>
internal static class JsonNullRewriter
{
    /// <summary>One step of a path: a property name, or an array index when <see cref="Name"/> is null.</summary>
    private readonly record struct Step(string? Name, int Index);

    /// <summary>The copy, and the raw text of the value that became null; false when the path names no value.</summary>
    public static bool TryRewrite(JsonElement root, string relativePath, out byte[] rewritten, out string rawValue)
    {
        rewritten = [];
        rawValue = string.Empty;
        if (!TryParsePath(relativePath, out var steps))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>();
        string? replaced = null;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(writer, root, steps, 0, ref replaced);
        }

        if (replaced is null)
        {
            return false;
        }

        rewritten = buffer.WrittenSpan.ToArray();
        rawValue = replaced;
        return true;
    }

    /// <summary>
    /// Copies <paramref name="value"/>; <paramref name="matched"/> is how many steps of the path lead to it, or -1 once
    /// the walk is off the path.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, JsonElement value, Step[] steps, int matched, ref string? replaced)
    {
        if (matched == steps.Length)
        {
            replaced = RawText(value);
            writer.WriteNullValue();
            return;
        }

        var next = matched >= 0 ? steps[matched] : default;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    var onPath = matched >= 0 && next.Name is not null && property.NameEquals(next.Name);
                    Write(writer, property.Value, steps, onPath ? matched + 1 : -1, ref replaced);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var onPath = matched >= 0 && next.Name is null && next.Index == i;
                    Write(writer, item, steps, onPath ? matched + 1 : -1, ref replaced);
                    i++;
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
                break;
        }
    }

    /// <summary>
    /// A value's JSON text as received; bytes that are not UTF-8 (which <see cref="JsonElement.GetRawText"/> refuses)
    /// become U+FFFD, the only change, so the text of even a broken value is kept.
    /// </summary>
    public static string RawText(JsonElement value) => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>Splits <c>a.b[2].c</c> into its steps; the parser's own paths never hold '.' or '[' inside a name.</summary>
    private static bool TryParsePath(string path, out Step[] steps)
    {
        var result = new List<Step>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                result.Add(new Step(name, -1));
            }

            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps = [];
                    return false;
                }

                result.Add(new Step(null, index));
                bracket = part.IndexOf('[', close);
            }
        }

        steps = [.. result];
        return steps.Length > 0;
    }
}
