using Npgsql;

namespace LineCrm.Stores.PostgreSql;

/// <summary>What each store of one <see cref="PostgreSqlStore"/> shares: the connections, the schema, the clock, and
/// the wait for the schema to be ready.</summary>
/// <param name="DataSource">The pooled connections.</param>
/// <param name="SchemaName">The schema as given (checked), for lock keys.</param>
/// <param name="Schema">The schema quoted for SQL text.</param>
/// <param name="Time">The clock every due time and lease is judged by.</param>
/// <param name="ReadyAsync">Completes when the schema is migrated or checked; every operation awaits it first.</param>
internal sealed record PostgreSqlStoreContext(
    NpgsqlDataSource DataSource,
    string SchemaName,
    string Schema,
    TimeProvider Time,
    Func<CancellationToken, ValueTask> ReadyAsync)
{
    /// <summary>Now, by <see cref="Time"/>, in StoreTime microseconds.</summary>
    public long NowMicroseconds => StoreTime.ToMicroseconds(Time.GetUtcNow());
}
