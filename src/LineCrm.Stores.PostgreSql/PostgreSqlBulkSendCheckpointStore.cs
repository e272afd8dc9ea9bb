using System.Data;
using LineCrm.Messaging.Client;
using Npgsql;
using NpgsqlTypes;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// <see cref="IBulkSendCheckpointStore"/> on three tables: the job's header (its JSON without chunks) written once, a
/// row per chunk for its retry key and outcome, and its recipients apart, written once with the plan; so each
/// checkpoint writes only the chunks it saves, and an outcome only their outcome.
/// </summary>
internal sealed class PostgreSqlBulkSendCheckpointStore(PostgreSqlStoreContext context) : IBulkSendCheckpointStore
{
    private readonly string _createSql = $"INSERT INTO {context.Schema}.bulk_jobs (job_id, header) VALUES ($1, $2) ON CONFLICT (job_id) DO NOTHING";

    // FOR SHARE keeps the job from being deleted under the save, which would otherwise end in a foreign key error.
    private readonly string _jobExistsSql = $"SELECT 1 FROM {context.Schema}.bulk_jobs WHERE job_id = $1 FOR SHARE";

    // A new index stores the plan (retry key and recipients) with its outcome; a stored one takes the new outcome
    // only, and an accepted one nothing: the plan is fixed at the first save, and accepted is final.
    private readonly string _insertSql = $"""
        INSERT INTO {context.Schema}.bulk_chunks
            (job_id, idx, retry_key, status, request_id, accepted_request_id, failure_status, failure_reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    private readonly string _recipientsSql = $"INSERT INTO {context.Schema}.bulk_chunk_recipients (job_id, idx, user_ids) VALUES ($1, $2, $3)";

    private readonly string _updateSql = $"""
        UPDATE {context.Schema}.bulk_chunks
        SET status = $3, request_id = $4, accepted_request_id = $5, failure_status = $6, failure_reason = $7
        WHERE job_id = $1 AND idx = $2 AND status <> {(int)BulkChunkStatus.Accepted}
        """;

    private readonly string _storedSql = $"SELECT idx FROM {context.Schema}.bulk_chunks WHERE job_id = $1 AND idx = ANY($2)";

    private readonly string _headerSql = $"SELECT header FROM {context.Schema}.bulk_jobs WHERE job_id = $1";

    private readonly string _chunksSql = $"""
        SELECT c.idx, c.retry_key, r.user_ids, c.status, c.request_id, c.accepted_request_id, c.failure_status, c.failure_reason
        FROM {context.Schema}.bulk_chunks c
        JOIN {context.Schema}.bulk_chunk_recipients r ON r.job_id = c.job_id AND r.idx = c.idx
        WHERE c.job_id = $1 ORDER BY c.idx
        """;

    private readonly string _deleteSql = $"DELETE FROM {context.Schema}.bulk_jobs WHERE job_id = $1";

    public async ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var header = (job with { Chunks = [] }).ToJson();
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);

        using var create = context.DataSource.CreateCommand(_createSql);
        create.Parameters.Add(PostgreSqlParameters.Uuid(job.JobId));
        create.Parameters.Add(PostgreSqlParameters.Text(header));
        return await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default)
    {
        StoreArguments.Chunks(chunks);
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);

        var connection = await context.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        using (var exists = PostgreSqlParameters.Command(connection, _jobExistsSql, PostgreSqlParameters.Uuid(jobId)))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                throw new InvalidOperationException($"No bulk send job {jobId} is stored: create it with CreateJobAsync before saving its chunks.");
            }
        }

        if (chunks.Count > 0)
        {
            // Which indexes are stored decides what each save sends: recipients only for a new chunk, so the outcome
            // saves that follow every send stay the size of an outcome. Then one statement per chunk, in order, in
            // one round trip: an index given twice is inserted by the first and updated by the second.
            var stored = await StoredIndexesAsync(connection, jobId, chunks, cancellationToken).ConfigureAwait(false);
            using var save = new NpgsqlBatch(connection, transaction);
            foreach (var chunk in chunks)
            {
                if (stored.Add(chunk.Index))
                {
                    save.BatchCommands.Add(PostgreSqlParameters.BatchCommand(
                        _insertSql,
                        [PostgreSqlParameters.Uuid(jobId), PostgreSqlParameters.Integer(chunk.Index), PostgreSqlParameters.Uuid(chunk.RetryKey), .. Outcome(chunk)]));
                    save.BatchCommands.Add(PostgreSqlParameters.BatchCommand(
                        _recipientsSql,
                        PostgreSqlParameters.Uuid(jobId),
                        PostgreSqlParameters.Integer(chunk.Index),
                        PostgreSqlParameters.TextArray([.. chunk.UserIds])));
                }
                else
                {
                    save.BatchCommands.Add(PostgreSqlParameters.BatchCommand(
                        _updateSql,
                        [PostgreSqlParameters.Uuid(jobId), PostgreSqlParameters.Integer(chunk.Index), .. Outcome(chunk)]));
                }
            }

            await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<BulkSendJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for the header and the chunks, so a job deleted or saved meanwhile is read whole or not at all.
        var connection = await context.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        string? header;
        using (var readHeader = PostgreSqlParameters.Command(connection, _headerSql, PostgreSqlParameters.Uuid(jobId)))
        {
            header = (string?)await readHeader.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        if (header is null)
        {
            return null;
        }

        var chunks = await ReadChunksAsync(connection, jobId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return BulkSendJob.FromJson(header) with { Chunks = chunks };
    }

    public async ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await context.ReadyAsync(cancellationToken).ConfigureAwait(false);
        using var delete = context.DataSource.CreateCommand(_deleteSql);
        delete.Parameters.Add(PostgreSqlParameters.Uuid(jobId));
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static NpgsqlParameter[] Outcome(BulkSendChunk chunk) =>
    [
        PostgreSqlParameters.Of((short)chunk.Status, NpgsqlDbType.Smallint),
        PostgreSqlParameters.Text(chunk.RequestId),
        PostgreSqlParameters.Text(chunk.AcceptedRequestId),
        PostgreSqlParameters.Integer(chunk.FailureStatus),
        PostgreSqlParameters.Text(chunk.FailureReason),
    ];

    private async ValueTask<HashSet<int>> StoredIndexesAsync(NpgsqlConnection connection, Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken)
    {
        using var select = PostgreSqlParameters.Command(
            connection,
            _storedSql,
            PostgreSqlParameters.Uuid(jobId),
            PostgreSqlParameters.Of(chunks.Select(c => c.Index).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer));
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var stored = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(reader.GetInt32(0));
        }

        return stored;
    }

    private async ValueTask<List<BulkSendChunk>> ReadChunksAsync(NpgsqlConnection connection, Guid jobId, CancellationToken cancellationToken)
    {
        using var read = PostgreSqlParameters.Command(connection, _chunksSql, PostgreSqlParameters.Uuid(jobId));
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var chunks = new List<BulkSendChunk>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(new BulkSendChunk(reader.GetInt32(0), reader.GetGuid(1), reader.GetFieldValue<string[]>(2))
            {
                Status = (BulkChunkStatus)reader.GetInt16(3),
                RequestId = reader.IsDBNull(4) ? null : reader.GetString(4),
                AcceptedRequestId = reader.IsDBNull(5) ? null : reader.GetString(5),
                FailureStatus = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                FailureReason = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return chunks;
    }
}
