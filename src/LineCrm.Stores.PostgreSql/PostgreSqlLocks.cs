namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// The advisory locks the stores take, as the two-key form <c>pg_advisory_xact_lock(class, hashtext(schema))</c>: the
/// class says what is locked, the schema's hash keeps stores in different schemas of one database apart (a hash
/// collision only makes two schemas wait for each other, never wrong).
/// </summary>
internal static class PostgreSqlLocks
{
    /// <summary>Held by a migration transaction, so two instances starting together migrate once.</summary>
    public const int Migrate = 0x4C43_0001;

    /// <summary>Held by an append transaction, so appends commit in position order (see PostgreSqlCustomerEventLog).</summary>
    public const int Append = 0x4C43_0002;

    /// <summary>Held by a write of the identity graph store, so a record's turn is checked and taken by one writer at a time.</summary>
    public const int IdentityGraph = 0x4C43_0003;

    /// <summary>The SQL that takes <paramref name="lockClass"/> for <paramref name="schemaName"/> until the transaction ends.</summary>
    /// <param name="lockClass">One of the constants above.</param>
    /// <param name="schemaName">The unquoted schema name (checked by <see cref="PostgreSqlIdentifier"/>, so safe as a literal).</param>
    public static string XactLockSql(int lockClass, string schemaName) =>
        $"SELECT pg_advisory_xact_lock({lockClass}, hashtext('{schemaName}'))";
}
