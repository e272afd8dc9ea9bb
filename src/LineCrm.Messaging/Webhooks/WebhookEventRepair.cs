using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Reads an event that failed to read: the value the failure names is replaced by null in a copy of the event and
/// the copy is read again, once per odd value, so that only those values are lost (kept as
/// <see cref="DegradedField"/>s) and the event's other fields read exactly as they would have. Only ever runs after
/// the normal read has thrown, so valid bodies never pay for it.
/// </summary>
internal static class WebhookEventRepair
{
    // An event with more odd values than this is more odd than event: it is kept whole as an UnknownEvent.
    private const int MaxDegradedFields = 16;

    public static WebhookEvent Read(JsonElement item, string eventPath, WebhookShapeException failure)
    {
        var degraded = new List<DegradedField>();
        JsonDocument? copy = null;
        try
        {
            var current = item;
            while (degraded.Count < MaxDegradedFields)
            {
                // A bad item of an array degrades the array: a list with a hole would read as a different list.
                var path = TrimItemIndex(failure.RelativePath);
                var fullPath = $"{eventPath}.{path}";
                if (degraded.Exists(d => d.Path == fullPath) || !JsonNullRewriter.TryRewrite(current, path, out var rewritten, out var raw))
                {
                    break;
                }

                degraded.Add(new DegradedField(fullPath, raw, failure.Message));
                var next = JsonDocument.Parse(rewritten);
                copy?.Dispose();
                copy = next;
                current = next.RootElement;
                try
                {
                    var result = WebhookEventReader.Read(current);
                    result.SetDegraded(degraded);
                    return result;
                }
                catch (WebhookShapeException again)
                {
                    failure = again;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // A name that is not valid UTF-16, say: the copy cannot be made, so the event is kept whole below.
        }
        finally
        {
            copy?.Dispose();
        }

        return Unreadable(item, eventPath, failure.Message);
    }

    /// <summary>An event kept whole, as an <see cref="UnknownEvent"/> marked with itself as the degraded value.</summary>
    public static UnknownEvent Unreadable(JsonElement item, string eventPath, string reason)
    {
        var isObject = item.ValueKind == JsonValueKind.Object;
        var unknown = new UnknownEvent(isObject ? TryReadString(item, "type"u8) ?? string.Empty : string.Empty, item.Clone())
        {
            // Keep the deduplication key when it can be read, so a redelivery of the event is still recognised.
            WebhookEventId = (isObject ? TryReadString(item, "webhookEventId"u8) : null) ?? string.Empty,
        };
        unknown.SetDegraded([new DegradedField(eventPath, JsonNullRewriter.RawText(item), reason)]);
        return unknown;
    }

    private static string? TryReadString(JsonElement obj, ReadOnlySpan<byte> name)
    {
        try
        {
            return JsonFields.String(obj, name, JsonScope.Event);
        }
        catch (WebhookShapeException)
        {
            return null;
        }
    }

    private static string TrimItemIndex(string path)
    {
        if (path.Length == 0 || path[^1] != ']')
        {
            return path;
        }

        var open = path.LastIndexOf('[');
        return open > 0 ? path[..open] : path;
    }
}
