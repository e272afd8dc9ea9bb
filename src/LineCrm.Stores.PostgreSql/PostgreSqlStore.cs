using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// LineCrm's stores in one PostgreSQL schema: the customer event log, the webhook inbox, the bulk-send checkpoints and
/// the identity graph,
/// safe for several application instances over one database.
/// </summary>
/// <remarks>
/// Creating it opens nothing. The schema is migrated (or, with <see cref="PostgreSqlStoreOptions.MigrateOnStart"/>
/// false, checked) once, by <see cref="InitializeAsync"/> or by the first store operation, whichever comes first; a
/// schema newer than <see cref="SchemaVersion"/> makes both throw <see cref="StoreSchemaException"/>. Dispose it when
/// the application stops: it owns the connection pool.
/// </remarks>
public sealed class PostgreSqlStore : IAsyncDisposable, IStoreEngine
{
    /// <summary>The newest schema version this code knows and migrates to; a database at a higher one is refused with <see cref="StoreSchemaException"/>.</summary>
    public static int SchemaVersion => PostgreSqlMigrations.Latest;

    internal const string EngineName = "PostgreSQL";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlSchemaMigrator _migrator;
    private readonly bool _migrateOnStart;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates the store over <paramref name="options"/>; opens no connection.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="time">The clock for due times and leases; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid (no connection string, a schema that is not a
    /// plain lowercase identifier).</exception>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public PostgreSqlStore(PostgreSqlStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new PostgreSqlStoreOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(PostgreSqlStoreOptions), typeof(PostgreSqlStoreOptions), validation.Failures);
        }

        var schema = PostgreSqlIdentifier.Quote(options.Schema);
        time ??= TimeProvider.System;

        _migrateOnStart = options.MigrateOnStart;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _migrator = new PostgreSqlSchemaMigrator(_dataSource, options.Schema, schema, time);
        var context = new PostgreSqlStoreContext(_dataSource, options.Schema, schema, time, InitializeAsync);
        Events = new PostgreSqlCustomerEventLog(context);
        WebhookInbox = new PostgreSqlWebhookInbox(context);
        BulkSendCheckpoints = new PostgreSqlBulkSendCheckpointStore(context);
        IdentityGraph = new PostgreSqlIdentityGraphStore(context);
    }

    /// <summary>Creates the store from configured options, for dependency injection.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="time">The clock for due times and leases.</param>
    public PostgreSqlStore(IOptions<PostgreSqlStoreOptions> options, TimeProvider time)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, time)
    {
    }

    /// <summary>The customer event log.</summary>
    public ICustomerEventLog Events { get; }

    /// <summary>The durable webhook inbox.</summary>
    public IWebhookInbox WebhookInbox { get; }

    /// <summary>The bulk-send checkpoint store.</summary>
    public IBulkSendCheckpointStore BulkSendCheckpoints { get; }

    /// <summary>The identity graph's snapshot and change records, for <see cref="IdentityGraphJournal"/>.</summary>
    public IIdentityGraphStore IdentityGraph { get; }

    /// <summary>
    /// Migrates the schema (or checks it, when <see cref="PostgreSqlStoreOptions.MigrateOnStart"/> is false) unless
    /// that was done already. Safe to call from several threads and several times; call it at start-up to fail there
    /// rather than at the first webhook.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait; a failed or cancelled attempt is tried again by the next call.</param>
    /// <exception cref="StoreSchemaException">The schema is newer than <see cref="SchemaVersion"/>, or it is older and
    /// migrations are off.</exception>
    public async ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                if (_migrateOnStart)
                {
                    await _migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _migrator.CheckAsync(cancellationToken).ConfigureAwait(false);
                }

                _initialized = true;
            }
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <summary>
    /// Creates the schema or brings it to <see cref="SchemaVersion"/>, whatever <see cref="PostgreSqlStoreOptions.MigrateOnStart"/>
    /// says: the call for a deployment step. Instances migrating together run each script once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call; a script that did not commit is not recorded.</param>
    /// <returns>The schema version the database was at before (0 for a new schema).</returns>
    /// <exception cref="StoreSchemaException">The schema is newer than <see cref="SchemaVersion"/>.</exception>
    public async ValueTask<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _initializeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = await _migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
            return before;
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <summary>Closes the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _initializeGate.Dispose();
    }
}
