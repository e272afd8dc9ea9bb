using Microsoft.Data.Sqlite;

namespace LineCrm.Messaging.AspNetCore.CrashHost;

/// <summary>
/// What the crash test counts: one row per handled <c>webhookEventId</c> (its unique key) with the number of times a
/// handler ran for it. Each record is its own durable commit (WAL, synchronous FULL), so a row that exists survived
/// the kill.
/// </summary>
internal sealed class HandledLedger
{
    private readonly string _connectionString;

    public HandledLedger(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS handled (event_id TEXT PRIMARY KEY, runs INTEGER NOT NULL);
            """;
        create.ExecuteNonQuery();
    }

    public async Task RecordAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO handled (event_id, runs) VALUES ($id, 1)
            ON CONFLICT (event_id) DO UPDATE SET runs = runs + 1;
            """;
        upsert.Parameters.AddWithValue("$id", webhookEventId);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
