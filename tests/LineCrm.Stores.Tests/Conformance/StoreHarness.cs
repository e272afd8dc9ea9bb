using LineCrm.Events;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Webhooks;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Stores.Tests.Conformance;

/// <summary>
/// What the conformance suite needs of an engine: a new, empty database per test, the stores opened over it, and the
/// same database opened again as a restarted process would.
/// </summary>
public abstract class StoreHarness
{
    /// <summary>The engine's name in messages ("SQLite", "PostgreSQL").</summary>
    public abstract string Engine { get; }

    /// <summary>Creates an empty database that no other test uses and opens the stores over it (migrated).</summary>
    public abstract ValueTask<StoreSet> CreateAsync(TimeProvider time, CancellationToken cancellationToken);

    /// <summary>Disposes <paramref name="previous"/> and opens new stores over its database, as a restarted process would.</summary>
    public abstract ValueTask<StoreSet> ReopenAsync(StoreSet previous, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>The newest schema version the engine's code knows.</summary>
    public abstract int CodeSchemaVersion { get; }

    /// <summary>Writes <paramref name="version"/> as the database's schema version, as a newer release would have.</summary>
    public abstract ValueTask SetSchemaVersionAsync(StoreSet stores, int version, CancellationToken cancellationToken);
}

/// <summary>The stores of one engine over one database, and what owns them.</summary>
/// <param name="Events">The customer event log.</param>
/// <param name="Inbox">The webhook inbox.</param>
/// <param name="Checkpoints">The bulk-send checkpoint store.</param>
/// <param name="IdentityGraph">The identity graph's store.</param>
/// <param name="Database">The database: a file path or a connection string, as the harness needs to reopen it.</param>
/// <param name="Owner">Disposed to close the stores.</param>
public sealed record StoreSet(
    ICustomerEventLog Events,
    IWebhookInbox Inbox,
    IBulkSendCheckpointStore Checkpoints,
    IIdentityGraphStore IdentityGraph,
    string Database,
    IAsyncDisposable Owner) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
