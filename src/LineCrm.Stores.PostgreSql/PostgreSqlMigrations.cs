namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// The schema's history: an ordered list of versioned SQL scripts, each run once, in its own transaction with the row
/// that records it. A released script is never edited; a change is a new script with the next version, and
/// <see cref="PostgreSqlStore.SchemaVersion"/> moves with it.
/// </summary>
internal static class PostgreSqlMigrations
{
    /// <summary>One script: the version it brings the schema to, and its SQL for a quoted schema name.</summary>
    public sealed record Migration(int Version, Func<string, string> Sql);

    /// <summary>The newest version: the last script's.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>Every script, oldest first, versions 1, 2, 3... without gaps.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, schema => $"""
            -- The customer event log. body holds exactly CustomerEventJson's bytes: bytea, not jsonb, which would
            -- reorder keys and drop duplicates, breaking "same bytes everywhere".
            CREATE TABLE {schema}.customer_events (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id text NOT NULL UNIQUE,
                body bytea NOT NULL);

            -- The webhook inbox. Times are microseconds since the Unix epoch (StoreTime), judged by the application's
            -- TimeProvider, never the server's clock. state: 0 pending, 1 leased, 2 completed, 3 dead.
            CREATE TABLE {schema}.webhook_inbox (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id text NOT NULL UNIQUE,
                destination text NOT NULL,
                raw_json text NOT NULL,
                received_at bigint NOT NULL,
                state smallint NOT NULL CHECK (state BETWEEN 0 AND 3),
                attempts integer NOT NULL,
                due_at bigint NOT NULL,
                lease_id uuid,
                lease_until bigint,
                error text);
            -- Leasing scans the live entries in sequence order; listing the dead and purging the completed each have
            -- their own small index, so neither reads the whole inbox.
            CREATE INDEX webhook_inbox_live ON {schema}.webhook_inbox (sequence) WHERE state IN (0, 1);
            CREATE INDEX webhook_inbox_dead ON {schema}.webhook_inbox (sequence) WHERE state = 3;
            CREATE INDEX webhook_inbox_completed ON {schema}.webhook_inbox (received_at) WHERE state = 2;

            -- Bulk-send checkpoints: the job's header once, then one row per chunk, so a checkpoint costs O(chunk).
            CREATE TABLE {schema}.bulk_jobs (
                job_id uuid PRIMARY KEY,
                header text NOT NULL);
            CREATE TABLE {schema}.bulk_chunks (
                job_id uuid NOT NULL REFERENCES {schema}.bulk_jobs (job_id) ON DELETE CASCADE,
                idx integer NOT NULL,
                retry_key uuid NOT NULL,
                status smallint NOT NULL,
                request_id text,
                accepted_request_id text,
                failure_status integer,
                failure_reason text,
                PRIMARY KEY (job_id, idx));
            -- A chunk's recipients apart from its outcome: they are written once, with the plan, and an outcome save
            -- neither sends nor rewrites them.
            CREATE TABLE {schema}.bulk_chunk_recipients (
                job_id uuid NOT NULL,
                idx integer NOT NULL,
                user_ids text[] NOT NULL,
                PRIMARY KEY (job_id, idx),
                FOREIGN KEY (job_id, idx) REFERENCES {schema}.bulk_chunks (job_id, idx) ON DELETE CASCADE);
            """),
        new(2, schema => $"""
            -- The identity graph (IIdentityGraphStore): one snapshot, kept as chunks since a whole graph can pass the
            -- largest bytea (1 GB), the number of the last change record it includes, and the change records after it.
            CREATE TABLE {schema}.identity_graph_snapshot (
                id smallint PRIMARY KEY CHECK (id = 1),
                sequence bigint NOT NULL);
            CREATE TABLE {schema}.identity_graph_snapshot_chunks (
                chunk integer PRIMARY KEY,
                data bytea NOT NULL);
            CREATE TABLE {schema}.identity_graph_changes (
                sequence bigint PRIMARY KEY,
                data bytea NOT NULL);
            """),
    ];
}
