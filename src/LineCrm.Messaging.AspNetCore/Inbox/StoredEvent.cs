using System.Text;
using System.Text.Json;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>Turns an inbox entry's raw event JSON back into the event, with the same parser the endpoint used.</summary>
internal static class StoredEvent
{
    /// <exception cref="WebhookFormatException">The stored JSON is no longer a webhook event.</exception>
    public static WebhookEvent Parse(string destination, string eventJson)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"destination\":{JsonSerializer.Serialize(destination, InboxJsonContext.Default.String)},\"events\":[{eventJson}]}}");
        var events = WebhookParser.Parse(body).Events;
        return events.Count == 1
            ? events[0]
            : throw new WebhookFormatException($"An inbox entry holds {events.Count} events instead of one.");
    }

    /// <summary>The event's <c>type</c>, for logs and metrics about an entry that may not parse.</summary>
    public static string TypeOf(string eventJson)
    {
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            return document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString() ?? "unknown"
                : "unknown";
        }
        catch (JsonException)
        {
            return "unknown";
        }
    }
}
