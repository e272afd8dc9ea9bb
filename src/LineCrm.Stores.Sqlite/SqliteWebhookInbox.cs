using LineCrm.Messaging.Webhooks;
using Microsoft.Data.Sqlite;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// <see cref="IWebhookInbox"/> over the <c>webhook_inbox</c> table. <c>event_id</c> is the unique key that makes a
/// redelivery a no-op; <c>due_at</c> is when a pending entry is due and when a leased entry's lease expires, so one
/// condition finds what is due; every outcome is fenced by the lease id it was given.
/// </summary>
internal sealed class SqliteWebhookInbox(SqliteStore store) : IWebhookInbox
{
    private const int Pending = (int)WebhookInboxState.Pending;
    private const int Leased = (int)WebhookInboxState.Leased;
    private const int Completed = (int)WebhookInboxState.Completed;
    private const int Dead = (int)WebhookInboxState.Dead;

    private const string Columns = "sequence, event_id, destination, raw_json, received_at, state, attempts, due_at, last_error";

    private long Now => StoreTime.ToMicroseconds(store.Time.GetUtcNow());

    public async ValueTask<IReadOnlyList<bool>> AddAsync(IReadOnlyList<WebhookInboxItem> items, CancellationToken cancellationToken = default)
    {
        StoreArguments.InboxAdd(items);
        if (items.Count == 0)
        {
            return [];
        }

        return await store.WriteAsync<IReadOnlyList<bool>>(write =>
        {
            var now = Now;
            var insert = write.Command($"""
                INSERT INTO webhook_inbox (event_id, destination, raw_json, received_at, state, attempts, due_at)
                VALUES ($id, $destination, $json, $received, {Pending}, 0, $now) ON CONFLICT (event_id) DO NOTHING
                """,
                ("$id", string.Empty),
                ("$destination", string.Empty),
                ("$json", string.Empty),
                ("$received", 0L),
                ("$now", now));
            var added = new bool[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                insert.Parameters["$id"].Value = items[i].WebhookEventId;
                insert.Parameters["$destination"].Value = items[i].Destination;
                insert.Parameters["$json"].Value = items[i].RawJson;
                insert.Parameters["$received"].Value = StoreTime.ToMicroseconds(items[i].ReceivedAt);
                added[i] = insert.ExecuteNonQuery() == 1;
            }

            return added;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        StoreArguments.Lease(maxCount, leaseDuration);
        return await store.WriteAsync<IReadOnlyList<WebhookInboxLease>>(write =>
        {
            var now = Now;
            var until = now + StoreTime.Microseconds(leaseDuration);
            var due = Select(
                write.Connection,
                write.Transaction,
                $"WHERE state IN ({Pending}, {Leased}) AND due_at <= $now ORDER BY sequence LIMIT $max",
                ("$now", now),
                ("$max", maxCount));
            var lease = write.Command($"UPDATE webhook_inbox SET state = {Leased}, attempts = attempts + 1, lease_id = $lease, due_at = $until WHERE sequence = $sequence",
                ("$lease", string.Empty),
                ("$until", until),
                ("$sequence", 0L));
            var leases = new List<WebhookInboxLease>(due.Count);
            var expiresAt = StoreTime.FromMicroseconds(until);
            foreach (var entry in due)
            {
                var leaseId = Guid.NewGuid();
                lease.Parameters["$lease"].Value = leaseId.ToString("N");
                lease.Parameters["$sequence"].Value = entry.Sequence;
                lease.ExecuteNonQuery();
                var leased = entry with { State = WebhookInboxState.Leased, Attempts = entry.Attempts + 1, NextAttemptAt = expiresAt };
                leases.Add(new WebhookInboxLease(leased, leaseId, expiresAt));
            }

            return leases;
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default) =>
        OutcomeAsync(lease, $"state = {Completed}, lease_id = NULL", [], cancellationToken);

    public ValueTask<bool> RetryLaterAsync(WebhookInboxLease lease, string errorMessage, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
        OutcomeAsync(
            lease,
            $"state = {Pending}, lease_id = NULL, last_error = $error, due_at = $due",
            [("$error", StoreArguments.Error(errorMessage)), ("$due", StoreTime.ToMicroseconds(nextAttemptAt))],
            cancellationToken);

    public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string errorMessage, CancellationToken cancellationToken = default) =>
        OutcomeAsync(lease, $"state = {Dead}, lease_id = NULL, last_error = $error", [("$error", StoreArguments.Error(errorMessage))], cancellationToken);

    public ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default) =>
        OutcomeAsync(lease, $"state = {Pending}, lease_id = NULL, attempts = MAX(attempts - 1, 0), due_at = $now", [("$now", Now)], cancellationToken);

    public async ValueTask<IReadOnlyList<WebhookInboxEntry>> ListDeadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        StoreArguments.Page(afterSequence, maxCount);
        return await store.ReadAsync<IReadOnlyList<WebhookInboxEntry>>(
            connection => Select(connection, null, $"WHERE state = {Dead} AND sequence > $after ORDER BY sequence LIMIT $max", ("$after", afterSequence), ("$max", maxCount)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ReplayAsync(string webhookEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEventId);
        return await store.WriteAsync(write =>
        {
            var replay = write.Command($"UPDATE webhook_inbox SET state = {Pending}, attempts = 0, due_at = $now WHERE event_id = $id AND state = {Dead}",
                ("$now", Now),
                ("$id", webhookEventId));
            return replay.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> PurgeCompletedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) =>
        await store.WriteAsync(write =>
        {
            var purge = write.Command($"DELETE FROM webhook_inbox WHERE state = {Completed} AND received_at < $before",
                ("$before", StoreTime.ToMicroseconds(receivedBefore)));
            return purge.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<WebhookInboxEntry?> FindAsync(string webhookEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEventId);
        return await store.ReadAsync(
            connection => Select(connection, null, "WHERE event_id = $id", ("$id", webhookEventId)).FirstOrDefault(),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken = default) =>
        await store.ReadAsync(connection =>
        {
            var counts = new long[4];
            using var count = SqliteCommands.Create(connection, null, "SELECT state, COUNT(*) FROM webhook_inbox GROUP BY state");
            using var reader = count.ExecuteReader();
            while (reader.Read())
            {
                counts[reader.GetInt32(0)] = reader.GetInt64(1);
            }

            return new WebhookInboxCounts(counts[Pending], counts[Leased], counts[Completed], counts[Dead]);
        }, cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> OutcomeAsync(WebhookInboxLease lease, string set, (string Name, object? Value)[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await store.WriteAsync(write =>
        {
            var update = write.Command($"UPDATE webhook_inbox SET {set} WHERE sequence = $sequence AND state = {Leased} AND lease_id = $lease",
                [("$sequence", lease.Entry.Sequence), ("$lease", lease.LeaseId.ToString("N")), .. values]);
            return update.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static List<WebhookInboxEntry> Select(SqliteConnection connection, SqliteTransaction? transaction, string where, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var select = SqliteCommands.Create(connection, transaction, $"SELECT {Columns} FROM webhook_inbox {where}", parameters);
        using var reader = select.ExecuteReader();
        var entries = new List<WebhookInboxEntry>();
        while (reader.Read())
        {
            var item = new WebhookInboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3), StoreTime.FromMicroseconds(reader.GetInt64(4)));
            entries.Add(new WebhookInboxEntry(
                reader.GetInt64(0),
                item,
                (WebhookInboxState)reader.GetInt32(5),
                reader.GetInt32(6),
                StoreTime.FromMicroseconds(reader.GetInt64(7)),
                reader.NullableString(8)));
        }

        return entries;
    }
}
