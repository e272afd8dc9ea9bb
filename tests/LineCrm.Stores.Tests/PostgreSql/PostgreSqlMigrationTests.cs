using LineCrm.Stores.PostgreSql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>Versioned migrations on a shared server: instances that start together, and schemas the code cannot use.</summary>
public sealed class PostgreSqlMigrationTests : PostgreSqlTest
{
    [Fact]
    public async Task Stores_migrating_one_empty_schema_together_run_each_script_once()
    {
        // Without the migration lock the racing CREATE SCHEMA, CREATE TABLE or version INSERT of one of them fails.
        var stores = Enumerable.Range(0, 6).Select(_ => OpenStore()).ToArray();

        await Task.WhenAll(stores.Select(store => Task.Run(async () => await store.InitializeAsync(Ct), Ct)));

        Assert.Equal(Enumerable.Range(1, PostgreSqlStore.SchemaVersion), await VersionRowsAsync());
        foreach (var store in stores)
        {
            Assert.Equal([true], await store.WebhookInbox.AddAsync([new($"from-{Array.IndexOf(stores, store)}", "U", "{}", Time.GetUtcNow())], Ct));
        }
    }

    [Fact]
    public async Task A_schema_newer_than_the_code_is_refused_by_initialize_and_by_migrate_with_both_versions()
    {
        await OpenStore().InitializeAsync(Ct);
        await PostgreSqlServer.ExecuteAsync($"INSERT INTO {Schema}.schema_version VALUES ({PostgreSqlStore.SchemaVersion + 1}, now())", Ct);

        foreach (var attempt in new Func<PostgreSqlStore, ValueTask>[] { s => s.InitializeAsync(Ct), async s => await s.MigrateAsync(Ct) })
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(async () => await attempt(OpenStore()));
            Assert.Equal("PostgreSQL", error.Engine);
            Assert.Equal(PostgreSqlStore.SchemaVersion + 1, error.DatabaseVersion);
            Assert.Equal(PostgreSqlStore.SchemaVersion, error.CodeVersion);
        }

        var checking = await Assert.ThrowsAsync<StoreSchemaException>(async () => await OpenStore(migrateOnStart: false).InitializeAsync(Ct));
        Assert.Equal(PostgreSqlStore.SchemaVersion + 1, checking.DatabaseVersion);
    }

    [Fact]
    public async Task A_store_with_migrations_off_refuses_an_older_schema_changes_nothing_and_works_after_MigrateAsync()
    {
        var store = OpenStore(migrateOnStart: false);

        var error = await Assert.ThrowsAsync<StoreSchemaException>(async () => await store.Events.ReadAsync(0, 10, Ct));
        Assert.Contains("MigrateAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 0", error.Message, StringComparison.Ordinal);
        Assert.False(await SchemaExistsAsync());

        Assert.Equal(0, await store.MigrateAsync(Ct));

        Assert.Empty(await store.Events.ReadAsync(0, 10, Ct));
        Assert.Equal(Enumerable.Range(1, PostgreSqlStore.SchemaVersion), await VersionRowsAsync());
        await OpenStore(migrateOnStart: false).InitializeAsync(Ct);
    }

    [Fact]
    public async Task Migrating_a_migrated_schema_again_changes_nothing()
    {
        var store = OpenStore();
        await store.InitializeAsync(Ct);
        Assert.Equal([true], await store.WebhookInbox.AddAsync([new("kept", "U", "{}", Time.GetUtcNow())], Ct));

        Assert.Equal(PostgreSqlStore.SchemaVersion, await store.MigrateAsync(Ct));
        Assert.Equal(PostgreSqlStore.SchemaVersion, await OpenStore().MigrateAsync(Ct));

        Assert.Equal(Enumerable.Range(1, PostgreSqlStore.SchemaVersion), await VersionRowsAsync());
        Assert.Equal(1, (await store.WebhookInbox.CountAsync(Ct)).Pending);
    }

    [Fact]
    public async Task A_start_that_failed_is_tried_again_by_the_next_call()
    {
        var checking = OpenStore(migrateOnStart: false);
        await Assert.ThrowsAsync<StoreSchemaException>(async () => await checking.InitializeAsync(Ct));

        await OpenStore().MigrateAsync(Ct);

        await checking.InitializeAsync(Ct);
        Assert.Equal(new(0, 0, 0, 0), await checking.WebhookInbox.CountAsync(Ct));
    }
}
