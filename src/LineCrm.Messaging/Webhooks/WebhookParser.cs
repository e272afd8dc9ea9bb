using System.Text.Json;
using LineCrm.Messaging.Http;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Parses a LINE webhook body from its raw UTF-8 bytes, without a string round trip. Every event type, message
/// content and source LINE documents becomes its own record; anything newer becomes an <c>Unknown…</c> record that
/// keeps its JSON, and a value that cannot be read costs only its field (see <see cref="WebhookEvent.DegradedFields"/>). Verify the signature first (<see cref="WebhookReceiver"/> does both).
/// </summary>
public static class WebhookParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses a webhook body.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <returns>The destination and the events, in order.</returns>
    /// <exception cref="WebhookFormatException">
    /// The bytes are not JSON (with line and byte position), or the JSON is not a webhook body: not an object, or a
    /// <c>destination</c> or <c>events</c> of the wrong kind (with the path). No partial result is returned.
    /// </exception>
    /// <remarks>
    /// One odd value inside an event (a field of the wrong kind, a lone surrogate escape, a number out of range) does
    /// not cost the body: that field reads as absent, the event lists it in <see cref="WebhookEvent.DegradedFields"/>
    /// with its path and raw JSON, and every other field and event reads as usual. An event that is not an object, or
    /// has too many odd values, is kept whole as an <see cref="UnknownEvent"/>. Each degraded field is counted in the
    /// <c>linecrm.webhook.degraded_fields</c> counter of the <c>LineCrm.Messaging</c> meter.
    /// </remarks>
    public static WebhookCallback Parse(ReadOnlyMemory<byte> utf8Json) => Parse(utf8Json, logger: null);

    /// <summary>Parses a webhook body, logging each degraded field (its path and kind, never its value) as a warning.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="logger">Where degraded fields are logged; null logs nothing.</param>
    /// <returns>The destination and the events, in order.</returns>
    /// <exception cref="WebhookFormatException">As for <see cref="Parse(ReadOnlyMemory{byte})"/>.</exception>
    public static WebhookCallback Parse(ReadOnlyMemory<byte> utf8Json, ILogger? logger)
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
            return ReadCallback(document.RootElement, logger);
        }
    }

    private static string EventPath(int index) => $"$.events[{index}]";

    private static void Report(WebhookEvent degraded, ILogger? logger)
    {
        foreach (var field in degraded.DegradedFields)
        {
            LineMessagingTelemetry.DegradedFields.Add(1, new KeyValuePair<string, object?>("event.type", degraded.Type));
            if (logger is not null)
            {
                // The path and the kind found, never the value: it may be a message's text.
                WebhookLog.FieldDegraded(logger, field.Path, degraded.Type, degraded.WebhookEventId, Describe(field.RawJson));
            }
        }
    }

    /// <summary>The JSON kind of a raw value, from its first character.</summary>
    private static string Describe(string rawJson) => rawJson.Length == 0 ? "nothing" : rawJson[0] switch
    {
        '{' => "an object",
        '[' => "an array",
        '"' => "a string",
        't' or 'f' => "a boolean",
        'n' => "null",
        _ => "a number",
    };

    private static WebhookCallback ReadCallback(JsonElement root, ILogger? logger)
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
                result[index] = WebhookEventRepair.Unreadable(item, EventPath(index), $"Expected an event object but found {JsonFields.Describe(item.ValueKind)}.");
            }
            else
            {
                try
                {
                    result[index] = WebhookEventReader.Read(item);
                }
                catch (WebhookShapeException e)
                {
                    result[index] = WebhookEventRepair.Read(item, EventPath(index), e);
                }
            }

            if (result[index].IsDegraded)
            {
                Report(result[index], logger);
            }

            index++;
        }

        return new WebhookCallback(destination, result);
    }
}
