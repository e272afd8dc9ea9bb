using LineCrm.Stores.Sqlite;
using LineCrm.Stores.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace LineCrm.Stores.Tests.Sqlite;

/// <summary>The conformance suite's SQLite: a real file in a folder of its own per test, removed afterwards.</summary>
public sealed class SqliteHarness : StoreHarness
{
    public override string Engine => "SQLite";

    public override int CodeSchemaVersion => SqliteStore.SchemaVersion;

    public override async ValueTask<StoreSet> CreateAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        return await OpenAsync(Directory.CreateTempSubdirectory("linecrm-stores-"), time, cancellationToken);
    }

    public override async ValueTask<StoreSet> ReopenAsync(StoreSet previous, TimeProvider time, CancellationToken cancellationToken)
    {
        var owner = (FolderOwner)previous.Owner;
        await owner.Store.DisposeAsync();
        return await OpenAsync(owner.Folder, time, cancellationToken);
    }

    public override async ValueTask SetSchemaVersionAsync(StoreSet stores, int version, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stores.Database, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO linecrm_schema (version, applied_at) VALUES ($version, 0)";
        insert.Parameters.AddWithValue("$version", version);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async ValueTask<StoreSet> OpenAsync(DirectoryInfo folder, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder.FullName, "linecrm.db");
        var store = new SqliteStore(new SqliteStoreOptions { Path = path }, time);
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return new StoreSet(store.Events, store.WebhookInbox, store.BulkSendCheckpoints, store.IdentityGraph, path, new FolderOwner(store, folder));
    }

    /// <summary>The open store and its folder: a reopen closes the store only; the test's end removes the folder too.</summary>
    private sealed record FolderOwner(SqliteStore Store, DirectoryInfo Folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            Folder.Delete(recursive: true);
        }
    }
}
