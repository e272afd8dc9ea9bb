using Microsoft.Data.Sqlite;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in <c>linecrm_schema</c>. A step is never edited once
/// released: a change to the schema is a new step at the end.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>The steps; the step at index i brings the schema to version i + 1.</summary>
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE customer_events (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            body BLOB NOT NULL);

        CREATE TABLE webhook_inbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            destination TEXT NOT NULL,
            raw_json TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            state INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            lease_id TEXT,
            last_error TEXT);
        CREATE INDEX webhook_inbox_open ON webhook_inbox (sequence) WHERE state IN (0, 1);
        CREATE INDEX webhook_inbox_dead ON webhook_inbox (sequence) WHERE state = 3;
        CREATE INDEX webhook_inbox_completed ON webhook_inbox (received_at) WHERE state = 2;

        CREATE TABLE bulk_send_jobs (
            job_id TEXT PRIMARY KEY,
            header TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE bulk_send_chunks (
            job_id TEXT NOT NULL,
            chunk_index INTEGER NOT NULL,
            retry_key TEXT NOT NULL,
            status INTEGER NOT NULL,
            request_id TEXT,
            accepted_request_id TEXT,
            failure_status INTEGER,
            failure_reason TEXT,
            PRIMARY KEY (job_id, chunk_index)) WITHOUT ROWID;

        -- A chunk's recipients apart from its outcome, so that saving an outcome rewrites a small row, not the recipients.
        CREATE TABLE bulk_send_chunk_recipients (
            job_id TEXT NOT NULL,
            chunk_index INTEGER NOT NULL,
            user_ids BLOB NOT NULL,
            PRIMARY KEY (job_id, chunk_index));
        """,
        """
        -- The identity graph (IIdentityGraphStore): one snapshot, kept as chunks since a whole graph can pass SQLite's
        -- largest value, the number of the last change record it includes, and the change records after it.
        CREATE TABLE identity_graph_snapshot (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            sequence INTEGER NOT NULL);
        CREATE TABLE identity_graph_snapshot_chunks (
            chunk INTEGER PRIMARY KEY,
            data BLOB NOT NULL);
        CREATE TABLE identity_graph_changes (
            sequence INTEGER PRIMARY KEY,
            data BLOB NOT NULL);
        """,
    ];

    /// <summary>The newest schema version this code knows.</summary>
    public static int Latest => Steps.Length;

    /// <summary>
    /// Brings the database to <see cref="Latest"/> in one write transaction, which also keeps a second process that
    /// starts at the same moment from applying a step twice.
    /// </summary>
    /// <returns>The version the database was at before.</returns>
    /// <exception cref="StoreSchemaException">The database is newer than this code.</exception>
    public static int Migrate(SqliteConnection connection, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS linecrm_schema (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
        var version = CurrentVersion(connection, transaction);
        ThrowIfNewer(version);
        for (var step = version; step < Steps.Length; step++)
        {
            Execute(connection, transaction, Steps[step]);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO linecrm_schema (version, applied_at) VALUES ($version, $now)";
            record.Parameters.AddWithValue("$version", step + 1);
            record.Parameters.AddWithValue("$now", StoreTime.ToMicroseconds(now));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return version;
    }

    /// <summary>Checks, without changing anything, that the database is at <see cref="Latest"/>.</summary>
    /// <exception cref="StoreSchemaException">The database is older or newer than this code.</exception>
    public static void Verify(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var version = CurrentVersion(connection, transaction);
        ThrowIfNewer(version);
        if (version < Latest)
        {
            throw new StoreSchemaException(
                SqliteStore.EngineName,
                $"The SQLite database is at LineCrm schema version {version} and this code needs {Latest}; MigrateOnStart is off, " +
                "so run SqliteStore.MigrateAsync (or start once with MigrateOnStart on) before starting the store.");
        }
    }

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'linecrm_schema'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM linecrm_schema";
        return Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(int version)
    {
        if (version > Latest)
        {
            throw new StoreSchemaException(SqliteStore.EngineName, version, Latest);
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
