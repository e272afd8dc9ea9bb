using LineCrm.Messaging.Webhooks;
using Microsoft.Data.Sqlite;

namespace LineCrm.Messaging.AspNetCore.Testing;

/// <summary>
/// A real SQLite inbox for the endpoint's tests, kept until the store packages' engines are merged: one table keyed
/// by <c>webhookEventId</c>, WAL with synchronous FULL, one connection used by one caller at a time.
/// </summary>
internal sealed class SqliteTestInbox : IWebhookInbox, IDisposable
{
    private const int Pending = 0;
    private const int Done = 1;
    private const int Dead = 2;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    public SqliteTestInbox(string path, TimeProvider time)
    {
        _time = time;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS inbox (
                event_id TEXT PRIMARY KEY, destination TEXT NOT NULL, event_json TEXT NOT NULL, received_at INTEGER NOT NULL,
                state INTEGER NOT NULL, attempts INTEGER NOT NULL, due_at INTEGER NOT NULL, lease_until INTEGER, error TEXT);
            """);
    }

    public async Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<WebhookInboxEntry> entries, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = _connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO inbox (event_id, destination, event_json, received_at, state, attempts, due_at)
                VALUES ($id, $destination, $json, $received, 0, 0, $received) ON CONFLICT (event_id) DO NOTHING
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var destination = insert.Parameters.Add("$destination", SqliteType.Text);
            var json = insert.Parameters.Add("$json", SqliteType.Text);
            var received = insert.Parameters.Add("$received", SqliteType.Integer);
            var added = new bool[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                id.Value = entries[i].WebhookEventId;
                destination.Value = entries[i].Destination;
                json.Value = entries[i].EventJson;
                received.Value = entries[i].ReceivedAt.ToUnixTimeMilliseconds();
                added[i] = insert.ExecuteNonQuery() == 1;
            }

            transaction.Commit();
            return added;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<WebhookInboxLease>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            using var transaction = _connection.BeginTransaction();
            using var select = _connection.CreateCommand();
            select.CommandText = """
                SELECT event_id, destination, event_json, received_at, attempts FROM inbox
                WHERE state = 0 AND due_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY due_at, received_at LIMIT $max
                """;
            select.Parameters.AddWithValue("$now", now);
            select.Parameters.AddWithValue("$max", max);
            var leased = new List<WebhookInboxLease>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    leased.Add(new WebhookInboxLease(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetInt32(4) + 1));
                }
            }

            using var update = _connection.CreateCommand();
            update.CommandText = "UPDATE inbox SET attempts = attempts + 1, lease_until = $until WHERE event_id = $id";
            update.Parameters.AddWithValue("$until", now + (long)leaseDuration.TotalMilliseconds);
            var id = update.Parameters.Add("$id", SqliteType.Text);
            foreach (var lease in leased)
            {
                id.Value = lease.WebhookEventId;
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return leased;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task CompleteAsync(string webhookEventId, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE inbox SET state = 1, lease_until = NULL WHERE event_id = $id", webhookEventId, null, null, cancellationToken);

    public Task FailAsync(string webhookEventId, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        nextAttemptAt is { } next
            ? UpdateAsync("UPDATE inbox SET due_at = $due, lease_until = NULL, error = $error WHERE event_id = $id", webhookEventId, error, next.ToUnixTimeMilliseconds(), cancellationToken)
            : UpdateAsync("UPDATE inbox SET state = 2, lease_until = NULL, error = $error WHERE event_id = $id", webhookEventId, error, null, cancellationToken);

    public async Task<long> PurgeAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var delete = _connection.CreateCommand();
            delete.CommandText = "DELETE FROM inbox WHERE state = 1 AND received_at < $before";
            delete.Parameters.AddWithValue("$before", completedBefore.ToUnixTimeMilliseconds());
            return delete.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts entries by state, for tests: pending (including leased), done, dead.</summary>
    public async Task<(long Pending, long Done, long Dead)> CountAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var count = _connection.CreateCommand();
            count.CommandText = "SELECT state, COUNT(*) FROM inbox GROUP BY state";
            long pending = 0, done = 0, dead = 0;
            using var reader = count.ExecuteReader();
            while (reader.Read())
            {
                var n = reader.GetInt64(1);
                switch (reader.GetInt32(0))
                {
                    case Pending: pending = n; break;
                    case Done: done = n; break;
                    case Dead: dead = n; break;
                }
            }

            return (pending, done, dead);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UpdateAsync(string sql, string webhookEventId, string? error, long? due, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var update = _connection.CreateCommand();
            update.CommandText = sql;
            update.Parameters.AddWithValue("$id", webhookEventId);
            if (error is not null)
            {
                update.Parameters.AddWithValue("$error", error);
            }

            if (due is not null)
            {
                update.Parameters.AddWithValue("$due", due);
            }

            update.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }
}
