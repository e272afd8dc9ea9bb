namespace LineCrm.Stores;

/// <summary>
/// The database holds a LineCrm schema that this code cannot use: written by a newer version of the package (roll the
/// application forward, or restore a backup of the older database), or not a LineCrm schema at all.
/// </summary>
/// <remarks>
/// Thrown when a store opens or migrates, before anything is read or written, so an older build rolled out by mistake
/// stops at start-up instead of writing rows the newer schema does not expect.
/// </remarks>
public sealed class StoreSchemaException : Exception
{
    /// <summary>Creates the error for a database at <paramref name="databaseVersion"/> and code that knows up to <paramref name="codeVersion"/>.</summary>
    /// <param name="engine">The engine, such as "SQLite" or "PostgreSQL".</param>
    /// <param name="databaseVersion">The schema version recorded in the database.</param>
    /// <param name="codeVersion">The newest schema version this code knows.</param>
    public StoreSchemaException(string engine, int databaseVersion, int codeVersion)
        : base($"The {engine} database is at LineCrm schema version {databaseVersion}, newer than the {codeVersion} this code knows: " +
               "it was written by a newer LineCrm. Run the newer version, or restore a database from before the upgrade.")
    {
        Engine = engine;
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    /// <summary>Creates the error with a message of its own.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="message">What is wrong with the schema.</param>
    public StoreSchemaException(string engine, string message)
        : base(message)
    {
        Engine = engine;
    }

    /// <summary>Creates the error with the default message.</summary>
    public StoreSchemaException()
        : this("unknown", "The database's LineCrm schema cannot be used by this code.")
    {
    }

    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What is wrong with the schema.</param>
    public StoreSchemaException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates the error with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong with the schema.</param>
    /// <param name="innerException">The cause.</param>
    public StoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Engine = "unknown";
    }

    /// <summary>The engine, such as "SQLite" or "PostgreSQL".</summary>
    public string Engine { get; } = "unknown";

    /// <summary>The schema version recorded in the database, when it was readable.</summary>
    public int? DatabaseVersion { get; }

    /// <summary>The newest schema version this code knows, when the versions were compared.</summary>
    public int? CodeVersion { get; }
}
