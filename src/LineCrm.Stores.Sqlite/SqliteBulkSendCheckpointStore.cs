using System.Globalization;
using System.Text.Json;
using LineCrm.Messaging.Client;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// <see cref="IBulkSendCheckpointStore"/> over <c>bulk_send_jobs</c> (one header row a job, written once) and
/// <c>bulk_send_chunks</c> (one row a chunk): a save writes the saved chunks' rows only, an upsert that leaves the plan
/// columns alone and never touches an accepted chunk.
/// </summary>
internal sealed class SqliteBulkSendCheckpointStore(SqliteStore store) : IBulkSendCheckpointStore
{
    private const int Accepted = (int)BulkChunkStatus.Accepted;

    public async ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var header = (job with { Chunks = [] }).ToJson();
        return await store.WriteAsync((connection, transaction) =>
        {
            using var insert = SqliteCommands.Create(
                connection,
                transaction,
                "INSERT INTO bulk_send_jobs (job_id, header) VALUES ($job, $header) ON CONFLICT (job_id) DO NOTHING",
                ("$job", Key(job.JobId)),
                ("$header", header));
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default)
    {
        StoreArguments.Chunks(chunks);
        var userIds = chunks.Select(chunk => JsonSerializer.Serialize(chunk.UserIds, SqliteJsonContext.Default.IReadOnlyListString)).ToArray();
        await store.WriteAsync((connection, transaction) =>
        {
            using (var exists = SqliteCommands.Create(connection, transaction, "SELECT 1 FROM bulk_send_jobs WHERE job_id = $job", ("$job", Key(jobId))))
            {
                if (exists.ExecuteScalar() is null)
                {
                    throw new InvalidOperationException($"No bulk send job {jobId} is stored; create it with CreateJobAsync first.");
                }
            }

            using var upsert = SqliteCommands.Create(
                connection,
                transaction,
                $"""
                INSERT INTO bulk_send_chunks (job_id, chunk_index, retry_key, user_ids, status, request_id, accepted_request_id, failure_status, failure_reason)
                VALUES ($job, $index, $key, $users, $status, $request, $accepted, $failureStatus, $failureReason)
                ON CONFLICT (job_id, chunk_index) DO UPDATE SET
                    status = excluded.status, request_id = excluded.request_id, accepted_request_id = excluded.accepted_request_id,
                    failure_status = excluded.failure_status, failure_reason = excluded.failure_reason
                WHERE bulk_send_chunks.status <> {Accepted}
                """,
                ("$job", Key(jobId)),
                ("$index", 0),
                ("$key", string.Empty),
                ("$users", string.Empty),
                ("$status", 0),
                ("$request", null),
                ("$accepted", null),
                ("$failureStatus", null),
                ("$failureReason", null));
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                upsert.Parameters["$index"].Value = chunk.Index;
                upsert.Parameters["$key"].Value = Key(chunk.RetryKey);
                upsert.Parameters["$users"].Value = userIds[i];
                upsert.Parameters["$status"].Value = (int)chunk.Status;
                upsert.Parameters["$request"].Value = (object?)chunk.RequestId ?? DBNull.Value;
                upsert.Parameters["$accepted"].Value = (object?)chunk.AcceptedRequestId ?? DBNull.Value;
                upsert.Parameters["$failureStatus"].Value = (object?)chunk.FailureStatus ?? DBNull.Value;
                upsert.Parameters["$failureReason"].Value = (object?)chunk.FailureReason ?? DBNull.Value;
                upsert.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<BulkSendJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        await store.ReadAsync(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            using var header = SqliteCommands.Create(connection, transaction, "SELECT header FROM bulk_send_jobs WHERE job_id = $job", ("$job", Key(jobId)));
            if (header.ExecuteScalar() is not string json)
            {
                return null;
            }

            using var select = SqliteCommands.Create(
                connection,
                transaction,
                """
                SELECT chunk_index, retry_key, user_ids, status, request_id, accepted_request_id, failure_status, failure_reason
                FROM bulk_send_chunks WHERE job_id = $job ORDER BY chunk_index
                """,
                ("$job", Key(jobId)));
            using var reader = select.ExecuteReader();
            var chunks = new List<BulkSendChunk>();
            while (reader.Read())
            {
                var userIds = JsonSerializer.Deserialize(reader.GetString(2), SqliteJsonContext.Default.IReadOnlyListString)
                    ?? throw new JsonException($"Chunk {reader.GetInt32(0)} of bulk send job {jobId} has no user ids.");
                chunks.Add(new BulkSendChunk(reader.GetInt32(0), Guid.ParseExact(reader.GetString(1), "N"), userIds)
                {
                    Status = (BulkChunkStatus)reader.GetInt32(3),
                    RequestId = reader.NullableString(4),
                    AcceptedRequestId = reader.NullableString(5),
                    FailureStatus = reader.NullableInt32(6),
                    FailureReason = reader.NullableString(7),
                });
            }

            return BulkSendJob.FromJson(json) with { Chunks = chunks };
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        await store.WriteAsync((connection, transaction) =>
        {
            using var chunks = SqliteCommands.Create(connection, transaction, "DELETE FROM bulk_send_chunks WHERE job_id = $job", ("$job", Key(jobId)));
            chunks.ExecuteNonQuery();
            using var job = SqliteCommands.Create(connection, transaction, "DELETE FROM bulk_send_jobs WHERE job_id = $job", ("$job", Key(jobId)));
            return job.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);

    private static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);
}
