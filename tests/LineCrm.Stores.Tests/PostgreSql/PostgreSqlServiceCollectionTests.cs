using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;
using LineCrm.Stores.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>AddLineCrmPostgreSqlStores in a real host: options checked and the schema migrated at start-up.</summary>
public sealed class PostgreSqlServiceCollectionTests : PostgreSqlTest
{
    private IHost Build(Action<PostgreSqlStoreOptions> configure, Action<IServiceCollection>? before = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(Time);
        before?.Invoke(builder.Services);
        builder.Services.AddLineCrmPostgreSqlStores(configure);
        return builder.Build();
    }

    [Fact]
    public async Task Starting_the_host_migrates_the_schema_and_the_interfaces_are_the_one_store_s()
    {
        using var host = Build(options => (options.ConnectionString, options.Schema) = (ConnectionString, Schema));

        await host.StartAsync(Ct);
        try
        {
            Assert.Equal(Enumerable.Range(1, PostgreSqlStore.SchemaVersion), await VersionRowsAsync());
            var store = host.Services.GetRequiredService<PostgreSqlStore>();
            Assert.Same(store.Events, host.Services.GetRequiredService<ICustomerEventLog>());
            Assert.Same(store.WebhookInbox, host.Services.GetRequiredService<IWebhookInbox>());
            Assert.Same(store.BulkSendCheckpoints, host.Services.GetRequiredService<IBulkSendCheckpointStore>());
            Assert.Same(store.IdentityGraph, host.Services.GetRequiredService<IIdentityGraphStore>());
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_host_at_start_up()
    {
        using var host = Build(options => options.Schema = Schema);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(nameof(PostgreSqlStoreOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_newer_than_the_code_stops_the_host_at_start_up()
    {
        await OpenStore().InitializeAsync(Ct);
        await PostgreSqlServer.ExecuteAsync($"INSERT INTO {Schema}.schema_version VALUES ({PostgreSqlStore.SchemaVersion + 1}, now())", Ct);
        using var host = Build(options => (options.ConnectionString, options.Schema) = (ConnectionString, Schema));

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => host.StartAsync(Ct));

        Assert.Equal(PostgreSqlStore.SchemaVersion + 1, error.DatabaseVersion);
    }

    [Fact]
    public void An_interface_the_application_registered_first_is_kept()
    {
        var own = new InMemoryCheckpoints();
        using var host = Build(options => (options.ConnectionString, options.Schema) = (ConnectionString, Schema), services => services.AddSingleton<IBulkSendCheckpointStore>(own));

        Assert.Same(own, host.Services.GetRequiredService<IBulkSendCheckpointStore>());
        Assert.Same(host.Services.GetRequiredService<PostgreSqlStore>().WebhookInbox, host.Services.GetRequiredService<IWebhookInbox>());
    }

    private sealed class InMemoryCheckpoints : IBulkSendCheckpointStore
    {
        public ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<BulkSendJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
