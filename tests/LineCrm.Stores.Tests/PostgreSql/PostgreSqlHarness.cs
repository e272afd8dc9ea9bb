using LineCrm.Stores.PostgreSql;
using LineCrm.Stores.Tests.Conformance;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>
/// The conformance suite's PostgreSQL: the server of <c>LINECRM_POSTGRES</c>, a fresh schema per test
/// (<c>t_</c> and a GUID), so tests run side by side in one database and need no CREATE DATABASE.
/// </summary>
public sealed class PostgreSqlHarness : StoreHarness
{
    public override string Engine => "PostgreSQL";

    public override int CodeSchemaVersion => PostgreSqlStore.SchemaVersion;

    public override ValueTask<StoreSet> CreateAsync(TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(PostgreSqlServer.RequireConnectionString(), PostgreSqlServer.NewSchema(), time, cancellationToken);

    public override async ValueTask<StoreSet> ReopenAsync(StoreSet previous, TimeProvider time, CancellationToken cancellationToken)
    {
        var owner = (SchemaOwner)previous.Owner;
        await owner.Store.DisposeAsync();
        return await OpenAsync(owner.ConnectionString, owner.Schema, time, cancellationToken);
    }

    public override async ValueTask SetSchemaVersionAsync(StoreSet stores, int version, CancellationToken cancellationToken) =>
        await PostgreSqlServer.ExecuteAsync($"INSERT INTO {stores.Database}.schema_version (version, applied_at) VALUES ({version}, now())", cancellationToken);

    private static async ValueTask<StoreSet> OpenAsync(string connectionString, string schema, TimeProvider time, CancellationToken cancellationToken)
    {
        var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = schema }, time);
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return new StoreSet(store.Events, store.WebhookInbox, store.BulkSendCheckpoints, store.IdentityGraph, schema, new SchemaOwner(store, connectionString, schema));
    }

    /// <summary>The open store and its schema: a reopen closes the store only; the test's end drops the schema too.</summary>
    private sealed record SchemaOwner(PostgreSqlStore Store, string ConnectionString, string Schema) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            await PostgreSqlServer.DropSchemaAsync(Schema);
        }
    }
}
