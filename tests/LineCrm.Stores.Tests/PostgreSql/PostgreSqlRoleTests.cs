using LineCrm.Stores.PostgreSql;
using Npgsql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>
/// A deployment where an administrator made the schema for the application's role, which owns it but may not create
/// schemas in the database: the store still migrates and works.
/// </summary>
public sealed class PostgreSqlRoleTests : PostgreSqlTest
{
    private readonly string _role = $"r_{Guid.NewGuid():N}";
    private readonly string _password = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_role_that_owns_its_schema_but_may_not_create_schemas_migrates_and_uses_it()
    {
        await RequireCreateRoleAsync();
        await PostgreSqlServer.ExecuteAsync($"CREATE ROLE {_role} LOGIN PASSWORD '{_password}'; GRANT {_role} TO current_user; CREATE SCHEMA {Schema} AUTHORIZATION {_role}", Ct);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = _role, Password = _password }.ConnectionString;
            Assert.False(await PostgreSqlServer.ScalarAsync<bool>($"SELECT has_database_privilege('{_role}', current_database(), 'CREATE')", Ct));
            await using var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = Schema }, Time);

            Assert.Equal(0, await store.MigrateAsync(Ct));

            Assert.Equal([true], await store.WebhookInbox.AddAsync([new("as-app", "U", "{}", Time.GetUtcNow())], Ct));
            Assert.Equal(Enumerable.Range(1, PostgreSqlStore.SchemaVersion), await VersionRowsAsync());
        }
        finally
        {
            await PostgreSqlServer.DropSchemaAsync(Schema);
            await PostgreSqlServer.ExecuteAsync($"DROP ROLE {_role}", CancellationToken.None);
        }
    }

    private static async Task RequireCreateRoleAsync()
    {
        if (!await PostgreSqlServer.ScalarAsync<bool>("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user", Ct))
        {
            PostgreSqlServer.SkipOrFail($"the {PostgreSqlServer.Variable} role lacks CREATEROLE, which this test needs (.ci/postgres.sh grants it).");
        }
    }
}
