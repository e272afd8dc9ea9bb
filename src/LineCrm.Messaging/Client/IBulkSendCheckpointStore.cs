namespace LineCrm.Messaging.Client;

/// <summary>
/// Where <see cref="LineMessagingClient.SendBulkAsync"/> keeps a <see cref="BulkSendJob"/>'s progress, a chunk at a
/// time, so that a job resumed after a crash sends no chunk twice and skips none. Set it as
/// <see cref="BulkSendOptions.CheckpointStore"/>.
/// </summary>
/// <remarks>
/// <para>What a caller may rely on, for every implementation:</para>
/// <list type="bullet">
/// <item><description><b>Durable and atomic:</b> when a call returns, what it wrote is committed and survives a crash
/// of the process or the machine; when it throws, it wrote nothing.</description></item>
/// <item><description><b>O(chunk):</b> saving chunks writes those chunks' rows, never the whole job; the job's header
/// (messages, rejected ids) is written once by <see cref="CreateJobAsync"/>.</description></item>
/// <item><description><b>A chunk's plan is fixed:</b> the first save of a chunk index stores its retry key and
/// recipients; later saves of that index change only its outcome, so the retry key LINE deduplicates on is the same on
/// every resume.</description></item>
/// <item><description><b>Accepted is final:</b> a save never turns an accepted chunk back into a pending or failed one
/// (a late outcome of an earlier attempt cannot undo a later success).</description></item>
/// </list>
/// </remarks>
public interface IBulkSendCheckpointStore
{
    /// <summary>
    /// Records a new job's header: its id, messages, <see cref="BulkSendJob.NotificationDisabled"/>, and its invalid
    /// and duplicate ids. Its chunks are not written (save them with <see cref="SaveChunksAsync"/>).
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the job was new; false when a job with this id was already stored (which is left as it was).</returns>
    ValueTask<bool> CreateJobAsync(BulkSendJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves chunks of a stored job in one commit: a new chunk index with its retry key, recipients and outcome; a
    /// stored index with its new outcome only (status, request ids, failure), unless it is already accepted.
    /// </summary>
    /// <param name="jobId">The job's id, from <see cref="CreateJobAsync"/>.</param>
    /// <param name="chunks">The chunks to save; may be empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">No job with this id is stored.</exception>
    /// <exception cref="ArgumentException">A chunk is null or its index is negative; the message names it.</exception>
    ValueTask SaveChunksAsync(Guid jobId, IReadOnlyList<BulkSendChunk> chunks, CancellationToken cancellationToken = default);

    /// <summary>Reads a stored job with the chunks saved so far, in index order, or null when there is none.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job as stored: its header, and only the chunks that were saved (a crash may have come before the
    /// later ones were planned; they were then never sent).</returns>
    ValueTask<BulkSendJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a job and its chunks (after it is complete, or given up).</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when there was such a job.</returns>
    ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken = default);
}
