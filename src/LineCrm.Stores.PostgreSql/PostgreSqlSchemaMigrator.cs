using Npgsql;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// Brings a schema to <see cref="PostgreSqlStore.SchemaVersion"/> (<see cref="MigrateAsync"/>) or checks that it is
/// there (<see cref="CheckAsync"/>), refusing a schema that a newer release wrote.
/// </summary>
internal sealed class PostgreSqlSchemaMigrator(NpgsqlDataSource dataSource, string schemaName, string schema, TimeProvider time)
{
    private const string Engine = PostgreSqlStore.EngineName;

    /// <summary>
    /// Runs every script the schema lacks, each in its own transaction that holds the migration lock and writes the
    /// script's version row, so two instances starting together run each script once and a crash mid-way leaves the
    /// schema at the last whole version.
    /// </summary>
    /// <returns>The version the schema was at before (0 for a new one).</returns>
    /// <exception cref="StoreSchemaException">The schema is newer than this code.</exception>
    public async ValueTask<int> MigrateAsync(CancellationToken cancellationToken)
    {
        int? before = null;
        while (true)
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);

            // The lock first: creating the schema is not safe against a concurrent creation (both may find it
            // missing and one then fails on the catalog's unique key), and the version read below must be the one
            // this transaction builds on. The schema is created only when missing, because CREATE SCHEMA IF NOT
            // EXISTS demands the database's CREATE privilege even when the schema is there: an application role
            // given a schema made for it by an administrator has no such privilege and needs none.
            await ExecuteAsync(connection, PostgreSqlLocks.XactLockSql(PostgreSqlLocks.Migrate, schemaName), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{schemaName}') THEN
                        CREATE SCHEMA {schema};
                    END IF;
                END $$;
                CREATE TABLE IF NOT EXISTS {schema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL);
                """, cancellationToken).ConfigureAwait(false);

            var current = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            before ??= current;
            ThrowIfNewer(current);
            var next = PostgreSqlMigrations.All.FirstOrDefault(migration => migration.Version > current);
            if (next is null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return before.Value;
            }

            await ExecuteAsync(connection, next.Sql(schema), cancellationToken).ConfigureAwait(false);
            using (var record = PostgreSqlParameters.Command(
                connection,
                $"INSERT INTO {schema}.schema_version (version, applied_at) VALUES ($1, $2)",
                PostgreSqlParameters.Integer(next.Version),
                PostgreSqlParameters.Of(time.GetUtcNow().ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz)))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks, without changing anything, that the schema is at exactly this code's version.</summary>
    /// <exception cref="StoreSchemaException">The schema is missing, older (call MigrateAsync) or newer than this code.</exception>
    public async ValueTask CheckAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        int current;
        using (var exists = PostgreSqlParameters.Command(connection, "SELECT to_regclass($1) IS NOT NULL", PostgreSqlParameters.Text($"{schema}.schema_version")))
        {
            current = (bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
                ? await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false)
                : 0;
        }

        ThrowIfNewer(current);
        if (current < PostgreSqlStore.SchemaVersion)
        {
            throw new StoreSchemaException(Engine,
                $"The PostgreSQL schema '{schemaName}' is at LineCrm schema version {current}, older than the {PostgreSqlStore.SchemaVersion} " +
                "this code needs, and MigrateOnStart is false: call PostgreSqlStore.MigrateAsync (a deployment step) before starting the application.");
        }
    }

    private async ValueTask<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var read = PostgreSqlParameters.Command(connection, $"SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_version");
        return (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static void ThrowIfNewer(int databaseVersion)
    {
        if (databaseVersion > PostgreSqlStore.SchemaVersion)
        {
            throw new StoreSchemaException(Engine, databaseVersion, PostgreSqlStore.SchemaVersion);
        }
    }

    private static async ValueTask ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = PostgreSqlParameters.Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
