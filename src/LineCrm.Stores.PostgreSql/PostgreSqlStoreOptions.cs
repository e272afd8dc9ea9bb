namespace LineCrm.Stores.PostgreSql;

/// <summary>Where a <see cref="PostgreSqlStore"/> keeps its tables and whether it creates them.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string of the database (required), such as
    /// <c>Host=db;Database=app;Username=app;Password=...</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The PostgreSQL schema that holds LineCrm's tables: a lowercase identifier of letters, digits and underscores,
    /// up to 63 characters. Several applications, or several tenants, can share a database with a schema each.
    /// </summary>
    public string Schema { get; set; } = "linecrm";

    /// <summary>
    /// True (the default) to create or migrate the schema when the store first opens; false when migrations are run
    /// by a deployment step (<see cref="PostgreSqlStore.MigrateAsync"/>) and the application's role may not change
    /// the schema. The store then only checks the version and refuses a schema that is older or newer than the code.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
