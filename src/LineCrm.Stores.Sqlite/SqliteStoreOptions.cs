using System.ComponentModel.DataAnnotations;

namespace LineCrm.Stores.Sqlite;

/// <summary>Where the embedded store keeps its file, and how it opens it. Bindable from configuration.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file's path, created when missing (with its folder). Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Create or upgrade the schema when the store opens (the default). When false, the store only checks that the
    /// schema is the one this code knows and refuses to start otherwise; run <see cref="SqliteStore.MigrateAsync"/>
    /// (or a deployment step that does) first.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The most write calls combined into one commit. Concurrent writers (webhook requests, inbox workers, bulk-send
    /// chunks) share one transaction and one fsync instead of queueing for a commit each.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxCallsPerCommit { get; set; } = 256;

    /// <summary>How long a call waits for another process holding the file's write lock before it fails; zero to ten minutes.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
