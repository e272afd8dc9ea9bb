using Npgsql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>
/// The test server: <c>LINECRM_POSTGRES</c>, a connection string that <c>.ci/postgres.sh</c> exports. Without it the
/// PostgreSQL tests skip, or fail when <c>LINECRM_REQUIRE_SERVERS=1</c> (CI), so a CI without its server cannot pass
/// by skipping them.
/// </summary>
internal static class PostgreSqlServer
{
    public const string Variable = "LINECRM_POSTGRES";
    public const string RequireVariable = "LINECRM_REQUIRE_SERVERS";

    /// <summary>The connection string, or a skip (a failure under <see cref="RequireVariable"/>) saying how to get one.</summary>
    public static string RequireConnectionString()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            return connectionString;
        }

        SkipOrFail($"{Variable} is not set: start a throwaway PostgreSQL 15 with `source .ci/postgres.sh` (it exports {Variable}) "
            + "and run the tests from that shell.");
        return string.Empty; // SkipOrFail throws.
    }

    /// <summary>Skips the test for <paramref name="reason"/>, or fails it under <see cref="RequireVariable"/>.</summary>
    public static void SkipOrFail(string reason)
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(reason + $" {RequireVariable}=1, so this is a failure, not a skip.");
        }

        Assert.Skip(reason);
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => $"t_{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="sql"/> on its own connection.</summary>
    public static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query that returns one value.</summary>
    public static async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Drops a test's schema; the test's end, pass or fail, so the database does not fill up.</summary>
    public static Task DropSchemaAsync(string schema) => ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE", CancellationToken.None);
}
