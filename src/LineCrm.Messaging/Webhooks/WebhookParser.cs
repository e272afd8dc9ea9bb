using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Parses a LINE webhook body from its raw UTF-8 bytes, without a string round trip. Every event type, message
/// content and source LINE documents becomes its own record; anything newer becomes an <c>Unknown…</c> record that
/// keeps its JSON. Verify the signature first (<see cref="WebhookReceiver"/> does both).
/// </summary>
public static class WebhookParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses a webhook body.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <returns>The destination and the events, in order.</returns>
    /// <exception cref="WebhookFormatException">
    /// The bytes are not JSON (with line and byte position), or the JSON is not a webhook body (with the path of the
    /// offending value). No partial result is returned.
    /// </exception>
    public static WebhookCallback Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new WebhookFormatException(
                $"The webhook body is not valid JSON: {e.Message}", e.LineNumber, e.BytePositionInLine, e);
        }

        using (document)
        {
            return ReadCallback(document.RootElement);
        }
    }

    private static WebhookCallback ReadCallback(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException($"Expected a JSON object but found {JsonFields.Describe(root.ValueKind)}.", "$");
        }

        string destination;
        JsonElement events;
        bool hasEvents;
        try
        {
            destination = JsonFields.RequiredString(root, "destination"u8, JsonScope.Event);
            hasEvents = JsonFields.Array(root, "events"u8, JsonScope.Event, out events);
        }
        catch (WebhookShapeException e)
        {
            throw new WebhookFormatException(e.Message, "$." + e.RelativePath);
        }

        if (!hasEvents)
        {
            return new WebhookCallback(destination, []);
        }

        var result = new WebhookEvent[events.GetArrayLength()];
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookFormatException($"Expected an event object but found {JsonFields.Describe(item.ValueKind)}.", $"$.events[{index}]");
            }

            try
            {
                result[index] = WebhookEventReader.Read(item);
            }
            catch (WebhookShapeException e)
            {
                throw new WebhookFormatException(e.Message, $"$.events[{index}].{e.RelativePath}");
            }

            index++;
        }

        return new WebhookCallback(destination, result);
    }
}
