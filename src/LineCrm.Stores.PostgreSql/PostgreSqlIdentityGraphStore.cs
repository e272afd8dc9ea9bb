using System.Data;
using LineCrm.Segmentation.Identity;
using Npgsql;
using NpgsqlTypes;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// <see cref="IIdentityGraphStore"/> over <c>identity_graph_snapshot</c> (the snapshot's sequence number, one row),
/// <c>identity_graph_snapshot_chunks</c> (its bytes, a row a chunk) and <c>identity_graph_changes</c> (a row a change
/// record, keyed by its number). Each write is one transaction under the schema's identity-graph advisory lock, so
/// instances saving at once check and take turns one after another; a read is one repeatable-read transaction.
/// </summary>
internal sealed class PostgreSqlIdentityGraphStore(PostgreSqlStoreContext context) : IIdentityGraphStore
{
    private readonly string _lockSql = PostgreSqlLocks.XactLockSql(PostgreSqlLocks.IdentityGraph, context.SchemaName);

    private readonly string _highestSql = $"""
        SELECT GREATEST(COALESCE((SELECT MAX(sequence) FROM {context.Schema}.identity_graph_changes), 0),
                        COALESCE((SELECT sequence FROM {context.Schema}.identity_graph_snapshot WHERE id = 1), 0))
        """;

    public async ValueTask<StoredIdentityGraph> ReadAsync(CancellationToken cancellationToken = default)
    {
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var connection = await context.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        long? snapshotSequence;
        using (var select = new NpgsqlCommand($"SELECT sequence FROM {context.Schema}.identity_graph_snapshot WHERE id = 1", connection, transaction))
        {
            snapshotSequence = (long?)await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        List<ReadOnlyMemory<byte>>? chunks = null;
        if (snapshotSequence is not null)
        {
            chunks = [];
            using var select = new NpgsqlCommand($"SELECT data FROM {context.Schema}.identity_graph_snapshot_chunks ORDER BY chunk", connection, transaction);
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    chunks.Add(reader.GetFieldValue<byte[]>(0));
                }
            }
        }

        var changes = new List<IdentityGraphChangeRecord>();
        using (var select = new NpgsqlCommand($"SELECT sequence, data FROM {context.Schema}.identity_graph_changes ORDER BY sequence", connection, transaction))
        {
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    changes.Add(new IdentityGraphChangeRecord(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredIdentityGraph(snapshotSequence ?? 0, chunks, changes);
    }

    public async ValueTask AppendAsync(IdentityGraphChangeRecord record, CancellationToken cancellationToken = default)
    {
        IdentityGraphStoreArguments.ChangeRecord(record);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var connection = await context.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await LockedAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        using (var select = new NpgsqlCommand($"SELECT data FROM {context.Schema}.identity_graph_changes WHERE sequence = $1", connection, transaction))
        {
            select.Parameters.Add(PostgreSqlParameters.Bigint(record.Sequence));
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] stored)
            {
                // A repeat of a save whose answer was lost is done already; another record under the number is not ours.
                if (!stored.AsSpan().SequenceEqual(record.Data.Span))
                {
                    throw IdentityGraphStoreArguments.RecordTaken(record.Sequence);
                }

                return;
            }
        }

        var highest = await HighestAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (record.Sequence != highest + 1)
        {
            throw IdentityGraphStoreArguments.RecordOutOfTurn(record.Sequence, highest);
        }

        using (var insert = new NpgsqlCommand($"INSERT INTO {context.Schema}.identity_graph_changes (sequence, data) VALUES ($1, $2)", connection, transaction))
        {
            insert.Parameters.Add(PostgreSqlParameters.Bigint(record.Sequence));
            insert.Parameters.Add(PostgreSqlParameters.Of(record.Data, NpgsqlDbType.Bytea));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ReplaceSnapshotAsync(long sequence, IReadOnlyList<ReadOnlyMemory<byte>> snapshot, CancellationToken cancellationToken = default)
    {
        IdentityGraphStoreArguments.Snapshot(sequence, snapshot);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var connection = await context.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await LockedAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        var highest = await HighestAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (sequence < highest)
        {
            throw IdentityGraphStoreArguments.SnapshotBehind(sequence, highest);
        }

        using (var clear = new NpgsqlCommand($"DELETE FROM {context.Schema}.identity_graph_snapshot_chunks", connection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var insert = new NpgsqlCommand($"INSERT INTO {context.Schema}.identity_graph_snapshot_chunks (chunk, data) VALUES ($1, $2)", connection, transaction))
        {
            var chunk = PostgreSqlParameters.Integer(0);
            var data = PostgreSqlParameters.Of(ReadOnlyMemory<byte>.Empty, NpgsqlDbType.Bytea);
            insert.Parameters.Add(chunk);
            insert.Parameters.Add(data);
            for (var i = 0; i < snapshot.Count; i++)
            {
                chunk.Value = i;
                data.Value = snapshot[i];
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        using (var write = new NpgsqlBatch(connection, transaction))
        {
            write.BatchCommands.Add(PostgreSqlParameters.BatchCommand(
                $"INSERT INTO {context.Schema}.identity_graph_snapshot (id, sequence) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence",
                PostgreSqlParameters.Bigint(sequence)));
            write.BatchCommands.Add(PostgreSqlParameters.BatchCommand(
                $"DELETE FROM {context.Schema}.identity_graph_changes WHERE sequence <= $1",
                PostgreSqlParameters.Bigint(sequence)));
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A transaction holding the identity-graph lock until it ends.</summary>
    private async ValueTask<NpgsqlTransaction> LockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lockCommand = new NpgsqlCommand(_lockSql, connection, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<long> HighestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var select = new NpgsqlCommand(_highestSql, connection, transaction);
        return (long)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
