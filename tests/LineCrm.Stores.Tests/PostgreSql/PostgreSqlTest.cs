using LineCrm.Stores.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>
/// The base of the PostgreSQL-only tests: a schema of the test's own, any number of stores over it (as several
/// application instances over one database would be), all closed and the schema dropped at the end.
/// </summary>
public abstract class PostgreSqlTest : IAsyncLifetime
{
    private readonly List<PostgreSqlStore> _stores = [];

    protected string ConnectionString { get; } = PostgreSqlServer.RequireConnectionString();

    protected string Schema { get; } = PostgreSqlServer.NewSchema();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(9)));

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store over the test's schema (not yet initialized), closed at the test's end.</summary>
    protected PostgreSqlStore OpenStore(bool migrateOnStart = true)
    {
        var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = ConnectionString, Schema = Schema, MigrateOnStart = migrateOnStart }, Time);
        _stores.Add(store);
        return store;
    }

    /// <summary>The schema's version rows, oldest first.</summary>
    protected async Task<List<int>> VersionRowsAsync()
    {
        var versions = await PostgreSqlServer.ScalarAsync<int[]>($"SELECT COALESCE(array_agg(version ORDER BY version), '{{}}') FROM {Schema}.schema_version", Ct);
        return [.. versions];
    }

    /// <summary>Whether the test's schema exists at all.</summary>
    protected Task<bool> SchemaExistsAsync() =>
        PostgreSqlServer.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{Schema}')", Ct);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await PostgreSqlServer.DropSchemaAsync(Schema);
        GC.SuppressFinalize(this);
    }
}
