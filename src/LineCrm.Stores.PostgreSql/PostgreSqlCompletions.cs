using LineCrm.Messaging.Webhooks;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// The inbox's completions in groups: concurrent <see cref="IWebhookInbox.CompleteAsync"/> calls share one UPDATE
/// (and one commit) over arrays of ids and lease ids, fenced per entry as a single call would be. The caller that
/// finds no group running runs groups until none is waiting, so there is no background task to start or stop.
/// </summary>
/// <remarks>
/// A completion is the one write every handled event makes; one statement and one commit per event kept the
/// endpoint's PostgreSQL inbox at a fraction of the in-memory queue's throughput, where a group per round trip keeps
/// the commits a handful per batch of handlers.
/// </remarks>
internal sealed class PostgreSqlCompletions(PostgreSqlStoreContext context)
{
    private readonly Lock _lock = new();
    private readonly string _completeSql = $"""
        UPDATE {context.Schema}.webhook_inbox AS i
        SET state = {(int)WebhookInboxState.Completed}, lease_id = NULL, lease_until = NULL
        FROM unnest($1::text[], $2::uuid[]) AS u(event_id, lease_id)
        WHERE i.event_id = u.event_id AND i.state = {(int)WebhookInboxState.Leased} AND i.lease_id = u.lease_id
        RETURNING i.event_id, u.lease_id
        """;

    private List<Waiting> _waiting = [];
    private bool _running;

    public async ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(lease);
        bool lead;
        lock (_lock)
        {
            _waiting.Add(waiting);
            lead = !_running;
            _running = true;
        }

        if (lead)
        {
            await RunGroupsAsync().ConfigureAwait(false);
        }

        return await waiting.Completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunGroupsAsync()
    {
        while (true)
        {
            List<Waiting> group;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }

                group = _waiting.Count <= WebhookInboxLimits.MaxBatchCount ? _waiting : _waiting[..WebhookInboxLimits.MaxBatchCount];
                _waiting = group == _waiting ? [] : _waiting[WebhookInboxLimits.MaxBatchCount..];
            }

            try
            {
                var completed = await UpdateAsync(group).ConfigureAwait(false);
                foreach (var waiting in group)
                {
                    // Remove, not Contains: a lease completed twice in one group completes once, as two calls in turn would.
                    waiting.Completed.TrySetResult(completed.Remove((waiting.Lease.WebhookEventId, waiting.Lease.LeaseId)));
                }
            }
            catch (Exception e)
            {
                foreach (var waiting in group)
                {
                    waiting.Completed.TrySetException(e);
                }
            }
        }
    }

    private async Task<HashSet<(string EventId, Guid LeaseId)>> UpdateAsync(List<Waiting> group)
    {
        // Not cancellable: the group is every waiting caller's, not the one that happens to run it.
        using var update = context.DataSource.CreateCommand(_completeSql);
        update.Parameters.Add(PostgreSqlParameters.TextArray([.. group.Select(w => w.Lease.WebhookEventId)]));
        update.Parameters.Add(PostgreSqlParameters.UuidArray([.. group.Select(w => w.Lease.LeaseId)]));
        var completed = new HashSet<(string, Guid)>();
        var reader = await update.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                completed.Add((reader.GetString(0), reader.GetGuid(1)));
            }
        }

        return completed;
    }

    private sealed record Waiting(WebhookInboxLease Lease)
    {
        public TaskCompletionSource<bool> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
