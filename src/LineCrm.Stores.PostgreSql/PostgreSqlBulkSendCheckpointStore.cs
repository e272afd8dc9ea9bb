using System.Data;
using LineCrm.Messaging.Client;
using Npgsql;
using NpgsqlTypes;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// <see cref="IBulkSendCheckpointStore"/> on two tables: the job's header (its JSON without chunks) written once, and a
/// row per chunk, so each checkpoint writes only the chunks it saves.
/// </summary>
internal sealed class PostgreSqlBulkSendCheckpointStore(PostgreSqlStoreContext context) : IBulkSendCheckpointStore
{
    private readonly string _createSql = $"INSERT INTO {context.Schema}.bulk_jobs (job_id, header) VALUES ($1, $2) ON CONFLICT (job_id) DO NOTHING";

    // FOR SHARE keeps the job from being deleted under the save, which would otherwise end in a foreign key error.
    private readonly string _jobExistsSql = $"SELECT 1 FROM {context.Schema}.bulk_jobs WHERE job_id = $1 FOR SHARE";

    // A new index stores the plan and the outcome; a stored one takes the new outcome only, and an accepted one
    // nothing: the retry key and recipients are fixed at the first save, and accepted is final.
    private readonly string _saveSql = $"""
        INSERT INTO {context.Schema}.bulk_chunks AS c
            (job_id, idx, retry_key, user_ids, status, request_id, accepted_request_id, failure_status, failure_reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (job_id, idx) DO UPDATE SET
            status = excluded.status,
            request_id = excluded.request_id,
            accepted_request_id = excluded.accepted_request_id,
            failure_status = excluded.failure_status,
            failure_reason = excluded.failure_reason
        WHERE c.status <> {(int)BulkChunkStatus.Accepted}
        """;

    private readonly string _headerSql = $"SELECT header FROM {context.Schema}.bulk_jobs WHERE job_id = $1";

    private readonly string _chunksSql = $"""
        SELECT idx, retry_key, user_ids, status, request_id, accepted_request_id, failure_status, failure_reason
        FROM {context.Schema}.bulk_chunks WHERE job_id = $1 ORDER BY idx
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
            // One statement per chunk in one round trip: each chunk's recipients are an array of their own, which a
            // single unnest over all chunks cannot carry (PostgreSQL arrays are not jagged).
            using var save = new NpgsqlBatch(connection, transaction);
            foreach (var chunk in chunks)
            {
                save.BatchCommands.Add(PostgreSqlParameters.BatchCommand(
                    _saveSql,
                    PostgreSqlParameters.Uuid(jobId),
                    PostgreSqlParameters.Integer(chunk.Index),
                    PostgreSqlParameters.Uuid(chunk.RetryKey),
                    PostgreSqlParameters.TextArray([.. chunk.UserIds]),
                    PostgreSqlParameters.Of((short)chunk.Status, NpgsqlDbType.Smallint),
                    PostgreSqlParameters.Text(chunk.RequestId),
                    PostgreSqlParameters.Text(chunk.AcceptedRequestId),
                    PostgreSqlParameters.Integer(chunk.FailureStatus),
                    PostgreSqlParameters.Text(chunk.FailureReason)));
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
