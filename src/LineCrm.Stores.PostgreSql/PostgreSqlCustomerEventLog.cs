using LineCrm.Events;
using Npgsql;
using NpgsqlTypes;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// <see cref="ICustomerEventLog"/> on a table keyed by event id, with an identity column as the position.
/// </summary>
/// <remarks>
/// Ordered visibility needs more than an identity column: identity values are taken when a row is inserted, not when
/// its transaction commits, so two concurrent appenders can commit out of order (positions 8 then 7), and a reader
/// that saw 8 before 7 committed would never read 7. Every append therefore takes one advisory lock per schema at the
/// start of its transaction and holds it to the commit: appends take positions and commit one after another, so
/// positions become visible in increasing order. Reads take no lock.
/// </remarks>
internal sealed class PostgreSqlCustomerEventLog(PostgreSqlStoreContext context) : ICustomerEventLog
{
    private readonly string _lockSql = PostgreSqlLocks.XactLockSql(PostgreSqlLocks.Append, context.SchemaName);

    // unnest WITH ORDINALITY ... ORDER BY keeps the batch's order, so positions increase in the order given.
    private readonly string _insertSql = $"""
        INSERT INTO {context.Schema}.customer_events (event_id, body)
        SELECT u.event_id, u.body FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(event_id, body, ord) ORDER BY u.ord
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id, position
        """;

    private readonly string _readSql = $"SELECT position, event_id, body FROM {context.Schema}.customer_events WHERE position > $1 ORDER BY position LIMIT $2";

    public async ValueTask<IReadOnlyList<LoggedCustomerEvent>> AppendAsync(IReadOnlyList<CustomerEventEnvelope> events, CancellationToken cancellationToken = default)
    {
        StoreArguments.Append(events);

        // Serialize every event before any write, so one that CustomerEventJson cannot store fails the call with
        // nothing written (even a repeat that would be skipped); then keep the first envelope of an id given twice.
        var serialized = StoredCustomerEvents.Serialize(events);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<CustomerEventEnvelope>(events.Count);
        var bodies = new List<byte[]>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (seen.Add(events[i].Id.Value))
            {
                batch.Add(events[i]);
                bodies.Add(serialized[i]);
            }
        }

        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return [];
        }

        var positions = await InsertAsync(batch, bodies, cancellationToken).ConfigureAwait(false);
        var appended = new List<LoggedCustomerEvent>(positions.Count);
        foreach (var envelope in batch)
        {
            if (positions.TryGetValue(envelope.Id.Value, out var position))
            {
                appended.Add(new LoggedCustomerEvent(position, envelope));
            }
        }

        return appended;
    }

    public async ValueTask<IReadOnlyList<LoggedCustomerEvent>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        StoreArguments.Read(afterPosition, maxCount);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);

        using var read = context.DataSource.CreateCommand(_readSql);
        read.Parameters.Add(PostgreSqlParameters.Bigint(afterPosition));
        read.Parameters.Add(PostgreSqlParameters.Integer(maxCount));
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var events = new List<LoggedCustomerEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var position = reader.GetInt64(0);
            events.Add(new LoggedCustomerEvent(position, StoredCustomerEvents.ReadBack(position, reader.GetString(1), reader.GetFieldValue<byte[]>(2))));
        }

        return events;
    }

    /// <summary>Inserts the batch under the append lock, in one transaction; returns the new ids' positions.</summary>
    private async ValueTask<Dictionary<string, long>> InsertAsync(List<CustomerEventEnvelope> batch, List<byte[]> bodies, CancellationToken cancellationToken)
    {
        var connection = await context.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // The lock and the insert go in one round trip; the lock is held until the commit below.
        using var append = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(_lockSql),
                PostgreSqlParameters.BatchCommand(
                    _insertSql,
                    PostgreSqlParameters.TextArray([.. batch.Select(envelope => envelope.Id.Value)]),
                    PostgreSqlParameters.Of(bodies.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea)),
            },
        };
        var positions = new Dictionary<string, long>(batch.Count, StringComparer.Ordinal);
        var reader = await append.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                positions.Add(reader.GetString(0), reader.GetInt64(1));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return positions;
    }
}
