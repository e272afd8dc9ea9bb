using System.Globalization;
using LineCrm.Messaging.Client;
using Microsoft.Data.Sqlite;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// <see cref="IBulkSendCheckpointStore"/> over <c>bulk_send_jobs</c> (one header row a job, written once) and
/// <c>bulk_send_chunks</c> (one row a chunk): a save writes the saved chunks' rows only, an upsert that leaves the plan
/// columns alone and never touches an accepted chunk; recipients are packed (<see cref="ChunkRecipients"/>).
/// </summary>
internal sealed class SqliteBulkSendCheckpointStore(SqliteStore store) : IBulkSendCheckpointStore
{
    private const int Accepted = (int)BulkChunkStatus.Accepted;

    public async ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var header = (job with { Chunks = [] }).ToJson();
        return await store.WriteAsync(write =>
        {
            var insert = write.Command("INSERT INTO bulk_send_jobs (job_id, header) VALUES ($job, $header) ON CONFLICT (job_id) DO NOTHING",
                ("$job", Key(job.JobId)),
                ("$header", header));
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default)
    {
        StoreArguments.Chunks(chunks);
        await store.WriteAsync(write =>
        {
            var job = Key(jobId);
            if (write.Command("SELECT 1 FROM bulk_send_jobs WHERE job_id = $job", ("$job", job)).ExecuteScalar() is null)
            {
                throw new InvalidOperationException($"No bulk send job {jobId} is stored; create it with CreateJobAsync first.");
            }

            // An outcome (the common save) touches five columns; the plan's recipients are encoded only for a new chunk.
            var status = write.Command("SELECT status FROM bulk_send_chunks WHERE job_id = $job AND chunk_index = $index", ("$job", job), ("$index", 0));
            var insert = write.Command("""
                INSERT INTO bulk_send_chunks (job_id, chunk_index, retry_key, status, request_id, accepted_request_id, failure_status, failure_reason)
                VALUES ($job, $index, $key, $status, $request, $accepted, $failureStatus, $failureReason)
                """,
                ("$job", job), ("$index", 0), ("$key", string.Empty), ("$status", 0),
                ("$request", null), ("$accepted", null), ("$failureStatus", null), ("$failureReason", null));
            var recipients = write.Command("INSERT INTO bulk_send_chunk_recipients (job_id, chunk_index, user_ids) VALUES ($job, $index, $users)",
                ("$job", job), ("$index", 0), ("$users", Array.Empty<byte>()));
            var update = write.Command("""
                UPDATE bulk_send_chunks SET status = $status, request_id = $request, accepted_request_id = $accepted,
                    failure_status = $failureStatus, failure_reason = $failureReason
                WHERE job_id = $job AND chunk_index = $index
                """,
                ("$job", job), ("$index", 0), ("$status", 0), ("$request", null), ("$accepted", null), ("$failureStatus", null), ("$failureReason", null));
            foreach (var chunk in chunks)
            {
                status.Parameters["$index"].Value = chunk.Index;
                switch (status.ExecuteScalar())
                {
                    case null:
                        insert.Parameters["$key"].Value = Key(chunk.RetryKey);
                        Run(insert, chunk);
                        recipients.Parameters["$index"].Value = chunk.Index;
                        recipients.Parameters["$users"].Value = ChunkRecipients.Encode(chunk.UserIds);
                        recipients.ExecuteNonQuery();
                        break;
                    case long stored when stored == Accepted:
                        break; // accepted is final
                    default:
                        Run(update, chunk);
                        break;
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Run(SqliteCommand command, BulkSendChunk chunk)
    {
        command.Parameters["$index"].Value = chunk.Index;
        command.Parameters["$status"].Value = (int)chunk.Status;
        command.Parameters["$request"].Value = (object?)chunk.RequestId ?? DBNull.Value;
        command.Parameters["$accepted"].Value = (object?)chunk.AcceptedRequestId ?? DBNull.Value;
        command.Parameters["$failureStatus"].Value = (object?)chunk.FailureStatus ?? DBNull.Value;
        command.Parameters["$failureReason"].Value = (object?)chunk.FailureReason ?? DBNull.Value;
        command.ExecuteNonQuery();
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
                SELECT c.chunk_index, c.retry_key, r.user_ids, c.status, c.request_id, c.accepted_request_id, c.failure_status, c.failure_reason
                FROM bulk_send_chunks c JOIN bulk_send_chunk_recipients r ON r.job_id = c.job_id AND r.chunk_index = c.chunk_index
                WHERE c.job_id = $job ORDER BY c.chunk_index
                """,
                ("$job", Key(jobId)));
            using var reader = select.ExecuteReader();
            var chunks = new List<BulkSendChunk>();
            while (reader.Read())
            {
                var userIds = ChunkRecipients.Decode((byte[])reader.GetValue(2));
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
        await store.WriteAsync(write =>
        {
            var chunks = write.Command("DELETE FROM bulk_send_chunks WHERE job_id = $job", ("$job", Key(jobId)));
            chunks.ExecuteNonQuery();
            var recipients = write.Command("DELETE FROM bulk_send_chunk_recipients WHERE job_id = $job", ("$job", Key(jobId)));
            recipients.ExecuteNonQuery();
            var job = write.Command("DELETE FROM bulk_send_jobs WHERE job_id = $job", ("$job", Key(jobId)));
            return job.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);

    private static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);
}
