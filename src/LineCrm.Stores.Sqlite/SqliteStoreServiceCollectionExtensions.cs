using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;
using LineCrm.Stores;
using LineCrm.Stores.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LineCrm's embedded SQLite store.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SqliteStore"/> (a singleton, disposed with the container) as the
    /// <see cref="ICustomerEventLog"/>, the <see cref="IWebhookInbox"/>, the <see cref="IBulkSendCheckpointStore"/> and the
    /// <see cref="IIdentityGraphStore"/>,
    /// with options validated at start-up and the file opened (and migrated) when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SqliteStoreOptions.Path"/> and the rest.</param>
    /// <returns>The services, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddLineCrmSqliteStores(options => options.Path = "data/linecrm.db");
    /// builder.Services.AddLineWebhook().UseInbox();
    /// </code>
    /// </example>
    public static IServiceCollection AddLineCrmSqliteStores(this IServiceCollection services, Action<SqliteStoreOptions> configure) =>
        StoreServices.AddEngine<SqliteStore, SqliteStoreOptions, SqliteStoreOptionsValidator>(
            services, configure, static (options, time) => new SqliteStore(options, time));
}
