using System.Text.Json;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>
/// Cuts a verified webhook body into the raw JSON of each event, byte for byte as LINE sent it, so the inbox keeps
/// exactly what was signed and a handler that runs later (or after a restart) parses the same event again.
/// </summary>
internal static class WebhookEventSlices
{
    private static ReadOnlySpan<byte> EventsProperty => "events"u8;

    /// <summary>The raw JSON of each element of the body's top-level <c>events</c> array, in order.</summary>
    /// <exception cref="JsonException">The body is not JSON (the parser has already refused such a body).</exception>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Of(ReadOnlyMemory<byte> body)
    {
        var slices = new List<ReadOnlyMemory<byte>>();
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return slices;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEvents = reader.CurrentDepth == 1 && reader.ValueTextEquals(EventsProperty);
            reader.Read();
            if (!isEvents || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                slices.Add(body[start..(int)reader.BytesConsumed]);
            }
        }

        return slices;
    }
}
