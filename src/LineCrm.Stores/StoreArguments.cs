using System.Text;
using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Stores;

/// <summary>
/// The argument checks of the store interfaces, made once here so every engine refuses the same calls with the same
/// exceptions, before it touches the database.
/// </summary>
internal static class StoreArguments
{
    public static void Append(IReadOnlyList<CustomerEventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > CustomerEventLogLimits.MaxAppendCount)
        {
            throw new ArgumentException(
                $"The batch has {events.Count} events; the limit is {CustomerEventLogLimits.MaxAppendCount}.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"events[{i}] is null.", nameof(events));
            }
        }
    }

    public static void Read(long afterPosition, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, CustomerEventLogLimits.MaxReadCount);
    }

    public static void InboxAdd(IReadOnlyList<WebhookInboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > WebhookInboxLimits.MaxBatchCount)
        {
            throw new ArgumentException($"The batch has {items.Count} items; the limit is {WebhookInboxLimits.MaxBatchCount}.", nameof(items));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentException($"items[{i}] is null.", nameof(items));
            }
        }
    }

    public static void Lease(int maxCount, TimeSpan leaseDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, WebhookInboxLimits.MaxBatchCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leaseDuration, WebhookInboxLimits.MaxLeaseDuration);
    }

    public static void Page(long afterSequence, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, WebhookInboxLimits.MaxBatchCount);
    }

    /// <summary>
    /// Checks the error and makes it the text every engine keeps: cut to the stored length, never between the two
    /// halves of a surrogate pair, and with any lone surrogate replaced by U+FFFD. PostgreSQL takes only valid UTF-8,
    /// and Npgsql refuses a lone surrogate outright, so without this an outcome whose error holds one (a cut emoji,
    /// or a handler's own bad string) could never be recorded and the entry would be retried for ever.
    /// </summary>
    public static string Error(string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(errorMessage);
        var limit = WebhookInboxLimits.MaxErrorLength;
        var cut = errorMessage.Length <= limit ? errorMessage
            : errorMessage[..(char.IsHighSurrogate(errorMessage[limit - 1]) ? limit - 1 : limit)];

        // UTF8Encoding's default replacement fallback turns each lone surrogate into U+FFFD and keeps valid pairs.
        return cut.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)) : cut;
    }

    public static void Chunks(IReadOnlyList<BulkSendChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i] is null)
            {
                throw new ArgumentException($"chunks[{i}] is null.", nameof(chunks));
            }

            if (chunks[i].Index < 0)
            {
                throw new ArgumentException($"chunks[{i}] has index {chunks[i].Index}; chunk indexes are 0 or more.", nameof(chunks));
            }

            if (chunks[i].UserIds is null)
            {
                throw new ArgumentException($"chunks[{i}] (index {chunks[i].Index}) has no user ids.", nameof(chunks));
            }
        }
    }
}
