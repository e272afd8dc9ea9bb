namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// The schema name as SQL text. PostgreSQL takes no identifier as a parameter, so the name is written into the SQL;
/// <see cref="PostgreSqlStoreOptions.Schema"/> admits only plain lowercase identifiers, and they are quoted anyway.
/// </summary>
internal static class PostgreSqlIdentifier
{
    /// <summary>PostgreSQL cuts longer identifiers silently (NAMEDATALEN - 1), which would make two schemas one.</summary>
    public const int MaxLength = 63;

    /// <summary>A plain lowercase identifier: never needs quoting, never folds to another name, never holds a quote.</summary>
    public const string Pattern = "^[a-z_][a-z0-9_]*$";

    /// <summary>The (validated) schema, quoted for SQL text.</summary>
    public static string Quote(string schema) => $"\"{schema}\"";
}
