using Microsoft.Extensions.Hosting;

namespace LineCrm.Stores.Sqlite;

/// <summary>Opens the store when the host starts, so a schema that is newer than the code stops the app there, not at its first webhook.</summary>
internal sealed class SqliteStoreInitializer(SqliteStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken).AsTask();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
