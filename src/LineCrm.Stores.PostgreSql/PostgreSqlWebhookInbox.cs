using LineCrm.Messaging.Webhooks;
using Npgsql;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// <see cref="IWebhookInbox"/> on one table keyed by <c>webhookEventId</c>. Leases are handed out with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers (in this process or others) take different entries without
/// waiting for each other; outcomes are fenced by the lease id.
/// </summary>
internal sealed class PostgreSqlWebhookInbox(PostgreSqlStoreContext context) : IWebhookInbox
{
    private const int Pending = 0;
    private const int Leased = 1;
    private const int Completed = 2;
    private const int Dead = 3;

    /// <summary>PostgreSQL's deadlock_detected: two adds of the same ids in different orders, one of them rolled back whole.</summary>
    private const string DeadlockDetected = "40P01";

    private const int MaxAddAttempts = 5;

    private const string Columns = "sequence, event_id, destination, raw_json, received_at, state, attempts, due_at, lease_until, error";

    private readonly string _addSql = $"""
        INSERT INTO {context.Schema}.webhook_inbox (event_id, destination, raw_json, received_at, state, attempts, due_at)
        SELECT u.event_id, u.destination, u.raw_json, u.received_at, {Pending}, 0, $5
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY AS u(event_id, destination, raw_json, received_at, ord)
        ORDER BY u.ord
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
        """;

    // "Now" is a parameter from the injected TimeProvider, never the server's clock, so tests and every instance agree.
    private readonly string _leaseSql = $"""
        WITH due AS (
            SELECT sequence FROM {context.Schema}.webhook_inbox
            WHERE (state = {Pending} AND due_at <= $1) OR (state = {Leased} AND lease_until <= $1)
            ORDER BY sequence
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
        UPDATE {context.Schema}.webhook_inbox AS i
        SET state = {Leased}, attempts = i.attempts + 1, lease_id = gen_random_uuid(), lease_until = $3
        FROM due
        WHERE i.sequence = due.sequence
        RETURNING i.sequence, i.event_id, i.destination, i.raw_json, i.received_at, i.state, i.attempts, i.due_at, i.lease_until, i.error, i.lease_id
        """;

    private readonly PostgreSqlCompletions _completions = new(context);

    private readonly string _outcomeWhere = $"WHERE event_id = $1 AND state = {Leased} AND lease_id = $2";

    public async ValueTask<IReadOnlyList<bool>> AddAsync(IReadOnlyList<WebhookInboxItem> items, CancellationToken cancellationToken = default)
    {
        StoreArguments.InboxAdd(items);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);

        // The first of an id given twice is the one inserted; the second is reported as not new.
        var first = new bool[items.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<WebhookInboxItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (seen.Add(items[i].WebhookEventId))
            {
                first[i] = true;
                batch.Add(items[i]);
            }
        }

        if (batch.Count == 0)
        {
            return first;
        }

        var added = await InsertAsync(batch, cancellationToken).ConfigureAwait(false);
        var results = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            results[i] = first[i] && added.Contains(items[i].WebhookEventId);
        }

        return results;
    }

    public async ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        StoreArguments.Lease(maxCount, leaseDuration);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);

        var now = context.NowMicroseconds;
        using var lease = context.DataSource.CreateCommand(_leaseSql);
        lease.Parameters.Add(PostgreSqlParameters.Bigint(now));
        lease.Parameters.Add(PostgreSqlParameters.Integer(maxCount));
        lease.Parameters.Add(PostgreSqlParameters.Bigint(now + StoreTime.Microseconds(leaseDuration)));
        var leases = new List<WebhookInboxLease>();
        var reader = await lease.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var entry = ReadEntry(reader);
                leases.Add(new WebhookInboxLease(entry, reader.GetGuid(10), entry.NextAttemptAt));
            }
        }

        // RETURNING follows no order of its own; the contract is oldest first.
        leases.Sort((a, b) => a.Entry.Sequence.CompareTo(b.Entry.Sequence));
        return leases;
    }

    public async ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await _completions.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<bool> RetryLaterAsync(WebhookInboxLease lease, string errorMessage, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        var error = StoreArguments.Error(errorMessage);
        return OutcomeAsync(
            lease,
            $"state = {Pending}, lease_id = NULL, lease_until = NULL, error = $3, due_at = $4",
            [PostgreSqlParameters.Text(error), PostgreSqlParameters.Bigint(StoreTime.ToMicroseconds(nextAttemptAt))],
            cancellationToken);
    }

    public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string errorMessage, CancellationToken cancellationToken = default)
    {
        var error = StoreArguments.Error(errorMessage);
        return OutcomeAsync(lease, $"state = {Dead}, lease_id = NULL, lease_until = NULL, error = $3", [PostgreSqlParameters.Text(error)], cancellationToken);
    }

    public ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default) =>
        OutcomeAsync(
            lease,
            $"state = {Pending}, lease_id = NULL, lease_until = NULL, attempts = GREATEST(attempts - 1, 0), due_at = $3",
            [PostgreSqlParameters.Bigint(context.NowMicroseconds)],
            cancellationToken);

    public async ValueTask<IReadOnlyList<WebhookInboxEntry>> ListDeadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        StoreArguments.Page(afterSequence, maxCount);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await SelectAsync(
            $"WHERE state = {Dead} AND sequence > $1 ORDER BY sequence LIMIT $2",
            [PostgreSqlParameters.Bigint(afterSequence), PostgreSqlParameters.Integer(maxCount)],
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ReplayAsync(string webhookEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEventId);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(
            $"UPDATE {context.Schema}.webhook_inbox SET state = {Pending}, attempts = 0, due_at = $2 WHERE event_id = $1 AND state = {Dead}",
            [PostgreSqlParameters.Text(webhookEventId), PostgreSqlParameters.Bigint(context.NowMicroseconds)],
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<int> PurgeCompletedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(
            $"DELETE FROM {context.Schema}.webhook_inbox WHERE state = {Completed} AND received_at < $1",
            [PostgreSqlParameters.Bigint(StoreTime.ToMicroseconds(receivedBefore))],
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WebhookInboxEntry?> FindAsync(string webhookEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEventId);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var entries = await SelectAsync("WHERE event_id = $1", [PostgreSqlParameters.Text(webhookEventId)], cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        using var count = context.DataSource.CreateCommand($"SELECT state, COUNT(*) FROM {context.Schema}.webhook_inbox GROUP BY state");
        var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var counts = new long[4];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetInt16(0)] = reader.GetInt64(1);
        }

        return new WebhookInboxCounts(counts[Pending], counts[Leased], counts[Completed], counts[Dead]);
    }

    private async ValueTask<HashSet<string>> InsertAsync(List<WebhookInboxItem> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var insert = context.DataSource.CreateCommand(_addSql);
                insert.Parameters.Add(PostgreSqlParameters.TextArray([.. batch.Select(item => item.WebhookEventId)]));
                insert.Parameters.Add(PostgreSqlParameters.TextArray([.. batch.Select(item => item.Destination)]));
                insert.Parameters.Add(PostgreSqlParameters.TextArray([.. batch.Select(item => item.RawJson)]));
                insert.Parameters.Add(PostgreSqlParameters.BigintArray([.. batch.Select(item => StoreTime.ToMicroseconds(item.ReceivedAt))]));
                insert.Parameters.Add(PostgreSqlParameters.Bigint(context.NowMicroseconds));
                var added = new HashSet<string>(StringComparer.Ordinal);
                var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    added.Add(reader.GetString(0));
                }

                return added;
            }
            catch (PostgresException exception) when (exception.SqlState == DeadlockDetected && attempt < MaxAddAttempts)
            {
                // Two batches sharing ids in different orders can each wait for the other's row; PostgreSQL rolls one
                // back whole, so trying it again is safe and, the other having committed, finds its ids taken.
            }
        }
    }

    private async ValueTask<bool> OutcomeAsync(WebhookInboxLease lease, string set, NpgsqlParameter[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlParameter[] parameters = [PostgreSqlParameters.Text(lease.WebhookEventId), PostgreSqlParameters.Uuid(lease.LeaseId), .. values];
        return await ExecuteAsync($"UPDATE {context.Schema}.webhook_inbox SET {set} {_outcomeWhere}", parameters, cancellationToken).ConfigureAwait(false) == 1;
    }

    private async ValueTask<int> ExecuteAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        using var command = context.DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<List<WebhookInboxEntry>> SelectAsync(string where, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        using var select = context.DataSource.CreateCommand($"SELECT {Columns} FROM {context.Schema}.webhook_inbox {where}");
        select.Parameters.AddRange(parameters);
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var entries = new List<WebhookInboxEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    /// <summary>Reads the first ten columns, in the order of <see cref="Columns"/>.</summary>
    private static WebhookInboxEntry ReadEntry(NpgsqlDataReader reader)
    {
        var item = new WebhookInboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3), StoreTime.FromMicroseconds(reader.GetInt64(4)));
        var state = reader.GetInt16(5);

        // A leased entry is next due when its lease runs out; any other when due_at says.
        var nextAttemptAt = state == Leased ? reader.GetInt64(8) : reader.GetInt64(7);
        return new WebhookInboxEntry(
            reader.GetInt64(0),
            item,
            (WebhookInboxState)state,
            reader.GetInt32(6),
            StoreTime.FromMicroseconds(nextAttemptAt),
            reader.IsDBNull(9) ? null : reader.GetString(9));
    }
}
