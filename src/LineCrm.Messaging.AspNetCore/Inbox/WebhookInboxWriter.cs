using System.Text;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>
/// The request half of the endpoint in inbox mode: turns a verified body into inbox entries (each event's raw JSON,
/// its destination and receive time) and writes them in a group commit shared with the concurrent requests; when it
/// returns, the events are durable and the request may answer 200.
/// </summary>
internal sealed class WebhookInboxWriter : IAsyncDisposable
{
    private readonly GroupCommit<WebhookInboxItem, bool> _commit;
    private readonly WebhookInboxProcessor _processor;
    private readonly TimeProvider _time;

    public WebhookInboxWriter(IWebhookInbox inbox, WebhookInboxProcessor processor, IOptions<LineWebhookInboxOptions> options, WebhookTelemetry telemetry, TimeProvider time)
    {
        _processor = processor;
        _time = time;
        _commit = new GroupCommit<WebhookInboxItem, bool>(
            async (entries, ct) => await inbox.AddAsync(entries, ct).ConfigureAwait(false),
            Math.Min(options.Value.MaxCommitBatch, WebhookInboxLimits.MaxBatchCount),
            telemetry.Committed);
    }

    /// <summary>Makes the body's entries; an event without a <c>webhookEventId</c> gets a key of its own, so it is never a duplicate.</summary>
    public IReadOnlyList<WebhookInboxItem> EntriesOf(WebhookCallback callback, ReadOnlyMemory<byte> body)
    {
        var slices = WebhookEventSlices.Of(body);
        if (slices.Count != callback.Events.Count)
        {
            throw new InvalidOperationException($"The body has {slices.Count} event objects but {callback.Events.Count} events were parsed.");
        }

        var receivedAt = _time.GetUtcNow();
        var entries = new WebhookInboxItem[slices.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var id = callback.Events[i].WebhookEventId;
            entries[i] = new WebhookInboxItem(
                id.Length > 0 ? id : $"no-id:{Guid.NewGuid():N}",
                callback.Destination,
                Encoding.UTF8.GetString(slices[i].Span),
                receivedAt);
        }

        return entries;
    }

    /// <summary>Writes the entries durably with whatever else is waiting; true for each entry that was new.</summary>
    public async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<WebhookInboxItem> entries, CancellationToken cancellationToken)
    {
        var added = await _commit.CommitAsync(entries, cancellationToken).ConfigureAwait(false);
        if (added.Contains(true))
        {
            _processor.Wake();
        }

        return added;
    }

    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}
