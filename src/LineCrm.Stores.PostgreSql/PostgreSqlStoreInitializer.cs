using Microsoft.Extensions.Hosting;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// Initializes the store when the host starts, so a schema newer than the code, or an older one with migrations off,
/// stops the host at start-up instead of failing the first webhook.
/// </summary>
internal sealed class PostgreSqlStoreInitializer(PostgreSqlStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken).AsTask();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
