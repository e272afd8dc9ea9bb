using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// LineCrm's embedded store: the customer event log, the webhook inbox, the bulk-send checkpoints and the identity
/// graph in one SQLite file, in WAL mode with full sync, every write durable when its call returns. Concurrent writes share one commit
/// (group commit); reads run beside them on connections of their own.
/// </summary>
/// <remarks>
/// <para>One process writes the file at a time; a second process on the same file waits for the write lock
/// (<see cref="SqliteStoreOptions.BusyTimeout"/>). Run several app instances over PostgreSQL instead.</para>
/// <para>The constructor does no I/O. The file is opened and the schema created or upgraded on the first call, or on
/// <see cref="InitializeAsync"/> (which <c>AddLineCrmSqliteStores</c> runs at host start-up so a bad schema stops the
/// app there).</para>
/// </remarks>
/// <example>
/// <code>
/// await using var store = new SqliteStore(new SqliteStoreOptions { Path = "linecrm.db" });
/// await store.InitializeAsync();
/// var inbox = store.WebhookInbox;
/// </code>
/// </example>
public sealed class SqliteStore : IAsyncDisposable, IStoreEngine
{
    /// <summary>The newest schema version this code knows; a database at a higher one is refused with <see cref="StoreSchemaException"/>.</summary>
    public static int SchemaVersion => SqliteMigrations.Latest;

    internal const string EngineName = "SQLite";

    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private SqliteConnection? _writeConnection;
    private SqliteWriter? _writer;
    private bool _disposed;

    /// <summary>Creates the store over <see cref="SqliteStoreOptions.Path"/>; nothing is opened yet.</summary>
    /// <param name="options">The file and how to open it.</param>
    /// <param name="time">The clock for due times, leases and receive times; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid (no path, a limit out of range).</exception>
    public SqliteStore(SqliteStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new SqliteStoreOptionsValidator().Validate(null, options);
        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            validation = ValidateOptionsResult.Fail($"BusyTimeout is {options.BusyTimeout}; it must be from zero to ten minutes.");
        }

        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(SqliteStoreOptions), typeof(SqliteStoreOptions), validation.Failures);
        }

        _options = options;
        Time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        Events = new SqliteCustomerEventLog(this);
        WebhookInbox = new SqliteWebhookInbox(this);
        BulkSendCheckpoints = new SqliteBulkSendCheckpointStore(this);
        IdentityGraph = new SqliteIdentityGraphStore(this);
    }

    /// <summary>Creates the store from bound options (for dependency injection).</summary>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock.</param>
    public SqliteStore(IOptions<SqliteStoreOptions> options, TimeProvider time)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, time)
    {
    }

    /// <summary>The durable customer event log.</summary>
    public ICustomerEventLog Events { get; }

    /// <summary>The durable webhook inbox, for <c>AddLineWebhook(...).UseInbox()</c>.</summary>
    public IWebhookInbox WebhookInbox { get; }

    /// <summary>Checkpoints of bulk sends, for <see cref="BulkSendOptions.CheckpointStore"/>.</summary>
    public IBulkSendCheckpointStore BulkSendCheckpoints { get; }

    /// <summary>The identity graph's snapshot and change records, for <see cref="IdentityGraphJournal"/>.</summary>
    public IIdentityGraphStore IdentityGraph { get; }

    internal TimeProvider Time { get; }

    /// <summary>
    /// Opens the file (creating it and its folder when missing) and creates or upgrades the schema, or, with
    /// <see cref="SqliteStoreOptions.MigrateOnStart"/> off, checks it. Safe to call more than once and concurrently;
    /// every store call does it first.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for another initialization.</param>
    /// <exception cref="StoreSchemaException">The schema is newer than this code, or older with migration off.</exception>
    public async ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        await _initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return;
            }

            var connection = Open();
            try
            {
                if (_options.MigrateOnStart)
                {
                    SqliteMigrations.Migrate(connection, Time.GetUtcNow());
                }
                else
                {
                    SqliteMigrations.Verify(connection);
                }
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _writeConnection = connection;
            Volatile.Write(ref _writer, new SqliteWriter(connection, _options.MaxCallsPerCommit));
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// <summary>
    /// Creates or upgrades the schema now, whatever <see cref="SqliteStoreOptions.MigrateOnStart"/> says: the explicit
    /// step for deployments that migrate before the app starts.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call before it starts.</param>
    /// <returns>The schema version the database was at before.</returns>
    /// <exception cref="StoreSchemaException">The schema is newer than this code.</exception>
    public ValueTask<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = Open();
        return ValueTask.FromResult(SqliteMigrations.Migrate(connection, Time.GetUtcNow()));
    }

    /// <summary>Runs <paramref name="work"/> in the next group commit, once the store is initialized.</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _writer!.WriteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="read"/> on a pooled connection of its own, beside the writer (WAL readers see the last commit).</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return read(connection);
    }

    private SqliteConnection Open()
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_options.Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // WAL: readers never block the writer; FULL: a commit is on disk (WAL fsynced) before the call returns.
            pragmas.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds};";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Finishes the writes already queued, then closes the file (and every pooled connection to it).</summary>
    public async ValueTask DisposeAsync()
    {
        await _initialization.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
            }

            if (_writeConnection is not null)
            {
                SqliteConnection.ClearPool(_writeConnection);
                await _writeConnection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _initialization.Release();
        }
    }
}
