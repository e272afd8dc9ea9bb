using LineCrm.Messaging.Webhooks;
using Microsoft.Data.Sqlite;

namespace LineCrm.Messaging.AspNetCore.Testing;

/// <summary>
/// A real SQLite <see cref="IWebhookInbox"/> for the endpoint's tests, kept until the store packages' engines are
/// merged: one table keyed by <c>webhookEventId</c>, WAL with synchronous FULL, one connection used by one caller at
/// a time. Simple rather than fast; the store packages own the tuned engines.
/// </summary>
internal sealed class SqliteTestInbox : IWebhookInbox, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    public SqliteTestInbox(string path, TimeProvider time)
    {
        _time = time;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS inbox (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, destination TEXT NOT NULL,
                raw_json TEXT NOT NULL, received_at INTEGER NOT NULL, state INTEGER NOT NULL, attempts INTEGER NOT NULL,
                due_at INTEGER NOT NULL, lease_id TEXT, lease_until INTEGER, error TEXT);
            """;
        create.ExecuteNonQuery();
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public ValueTask<IReadOnlyList<bool>> AddAsync(IReadOnlyList<WebhookInboxItem> items, CancellationToken cancellationToken = default) =>
        LockedAsync<IReadOnlyList<bool>>(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = Command("""
                INSERT INTO inbox (event_id, destination, raw_json, received_at, state, attempts, due_at)
                VALUES ($id, $destination, $json, $received, 0, 0, $received) ON CONFLICT (event_id) DO NOTHING
                """);
            var added = new bool[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$id", items[i].WebhookEventId);
                insert.Parameters.AddWithValue("$destination", items[i].Destination);
                insert.Parameters.AddWithValue("$json", items[i].RawJson);
                insert.Parameters.AddWithValue("$received", items[i].ReceivedAt.ToUnixTimeMilliseconds());
                added[i] = insert.ExecuteNonQuery() == 1;
            }

            transaction.Commit();
            return added;
        }, cancellationToken);

    public ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        LockedAsync<IReadOnlyList<WebhookInboxLease>>(() =>
        {
            var now = Now;
            var until = now + (long)leaseDuration.TotalMilliseconds;
            using var transaction = _connection.BeginTransaction();
            var due = Select("""
                WHERE (state = 0 AND due_at <= $now) OR (state = 1 AND lease_until <= $now) ORDER BY sequence LIMIT $max
                """, ("$now", now), ("$max", maxCount));
            var leases = new List<WebhookInboxLease>();
            foreach (var entry in due)
            {
                var leaseId = Guid.NewGuid();
                using var update = Command("UPDATE inbox SET state = 1, attempts = attempts + 1, lease_id = $lease, lease_until = $until WHERE sequence = $seq");
                update.Parameters.AddWithValue("$lease", leaseId.ToString());
                update.Parameters.AddWithValue("$until", until);
                update.Parameters.AddWithValue("$seq", entry.Sequence);
                update.ExecuteNonQuery();
                leases.Add(new WebhookInboxLease(
                    entry with { State = WebhookInboxState.Leased, Attempts = entry.Attempts + 1 },
                    leaseId,
                    DateTimeOffset.FromUnixTimeMilliseconds(until)));
            }

            transaction.Commit();
            return leases;
        }, cancellationToken);

    public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default) =>
        Outcome(lease, "state = 2, lease_id = NULL, lease_until = NULL", [], cancellationToken);

    public ValueTask<bool> RetryLaterAsync(WebhookInboxLease lease, string errorMessage, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
        Outcome(lease, "state = 0, lease_id = NULL, lease_until = NULL, error = $error, due_at = $due",
            [("$error", errorMessage), ("$due", nextAttemptAt.ToUnixTimeMilliseconds())], cancellationToken);

    public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string errorMessage, CancellationToken cancellationToken = default) =>
        Outcome(lease, "state = 3, lease_id = NULL, lease_until = NULL, error = $error", [("$error", errorMessage)], cancellationToken);

    public ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default) =>
        Outcome(lease, "state = 0, lease_id = NULL, lease_until = NULL, attempts = MAX(attempts - 1, 0), due_at = $due", [("$due", Now)], cancellationToken);

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ListDeadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        LockedAsync<IReadOnlyList<WebhookInboxEntry>>(
            () => Select("WHERE state = 3 AND sequence > $after ORDER BY sequence LIMIT $max", ("$after", afterSequence), ("$max", maxCount)),
            cancellationToken);

    public ValueTask<bool> ReplayAsync(string webhookEventId, CancellationToken cancellationToken = default) =>
        LockedAsync(() =>
        {
            using var update = Command("UPDATE inbox SET state = 0, attempts = 0, due_at = $now WHERE event_id = $id AND state = 3");
            update.Parameters.AddWithValue("$now", Now);
            update.Parameters.AddWithValue("$id", webhookEventId);
            return update.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) =>
        LockedAsync(() =>
        {
            using var delete = Command("DELETE FROM inbox WHERE state = 2 AND received_at < $before");
            delete.Parameters.AddWithValue("$before", receivedBefore.ToUnixTimeMilliseconds());
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    public ValueTask<WebhookInboxEntry?> FindAsync(string webhookEventId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => Select("WHERE event_id = $id", ("$id", webhookEventId)).FirstOrDefault(), cancellationToken);

    public ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken = default) =>
        LockedAsync(() =>
        {
            var counts = new long[4];
            using var count = Command("SELECT state, COUNT(*) FROM inbox GROUP BY state");
            using var reader = count.ExecuteReader();
            while (reader.Read())
            {
                counts[reader.GetInt32(0)] = reader.GetInt64(1);
            }

            return new WebhookInboxCounts(counts[0], counts[1], counts[2], counts[3]);
        }, cancellationToken);

    private ValueTask<bool> Outcome(WebhookInboxLease lease, string set, (string Name, object Value)[] values, CancellationToken cancellationToken) =>
        LockedAsync(() =>
        {
            using var update = Command($"UPDATE inbox SET {set} WHERE sequence = $seq AND state = 1 AND lease_id = $lease");
            update.Parameters.AddWithValue("$seq", lease.Entry.Sequence);
            update.Parameters.AddWithValue("$lease", lease.LeaseId.ToString());
            foreach (var (name, value) in values)
            {
                update.Parameters.AddWithValue(name, value);
            }

            return update.ExecuteNonQuery() == 1;
        }, cancellationToken);

    private List<WebhookInboxEntry> Select(string where, params (string Name, object Value)[] values)
    {
        using var select = Command($"SELECT sequence, event_id, destination, raw_json, received_at, state, attempts, due_at, error FROM inbox {where}");
        foreach (var (name, value) in values)
        {
            select.Parameters.AddWithValue(name, value);
        }

        var entries = new List<WebhookInboxEntry>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var item = new WebhookInboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
            entries.Add(new WebhookInboxEntry(
                reader.GetInt64(0), item, (WebhookInboxState)reader.GetInt32(5), reader.GetInt32(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return entries;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private async ValueTask<T> LockedAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }
}
