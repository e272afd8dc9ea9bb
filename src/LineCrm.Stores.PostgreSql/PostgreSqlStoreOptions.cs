using System.ComponentModel.DataAnnotations;

namespace LineCrm.Stores.PostgreSql;

/// <summary>Where a <see cref="PostgreSqlStore"/> keeps its tables and whether it creates them. Bindable from configuration.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string of the database, such as <c>Host=db;Database=app;Username=app;Password=...</c>. Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The PostgreSQL schema that holds LineCrm's tables (created when missing): a lowercase letter or underscore
    /// followed by lowercase letters, digits or underscores, up to 63 characters. Several applications, or tenants,
    /// can share a database with a schema each.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(PostgreSqlIdentifier.MaxLength)]
    [RegularExpression(PostgreSqlIdentifier.Pattern)]
    public string Schema { get; set; } = "linecrm";

    /// <summary>
    /// Create or upgrade the schema when the store opens (the default). When false, the store only checks that the
    /// schema is the one this code knows and refuses to start otherwise; run <see cref="PostgreSqlStore.MigrateAsync"/>
    /// (or a deployment step that does) first, for example when the application's role may not change the schema.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
