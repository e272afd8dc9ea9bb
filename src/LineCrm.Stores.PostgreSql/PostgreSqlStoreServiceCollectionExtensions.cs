using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;
using LineCrm.Stores;
using LineCrm.Stores.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LineCrm's PostgreSQL stores.</summary>
public static class PostgreSqlStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgreSqlStore"/> and, unless already registered, <see cref="ICustomerEventLog"/>,
    /// <see cref="IWebhookInbox"/>, <see cref="IBulkSendCheckpointStore"/> and <see cref="IIdentityGraphStore"/> from it. The options are validated when
    /// the host starts, and the schema is migrated (or checked) then, so a bad connection string or a schema newer
    /// than the code stops the host at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the connection string (required) and the schema.</param>
    /// <returns>The services, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddLineCrmPostgreSqlStores(options => options.ConnectionString = builder.Configuration.GetConnectionString("LineCrm")!);
    /// builder.Services.AddLineWebhook().UseInbox();
    /// </code>
    /// </example>
    public static IServiceCollection AddLineCrmPostgreSqlStores(this IServiceCollection services, Action<PostgreSqlStoreOptions> configure) =>
        StoreServices.AddEngine<PostgreSqlStore, PostgreSqlStoreOptions, PostgreSqlStoreOptionsValidator>(
            services, configure, static (options, time) => new PostgreSqlStore(options, time));
}
