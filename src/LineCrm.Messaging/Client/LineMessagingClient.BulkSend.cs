using LineCrm.Messaging.Messages.Validation;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>
    /// Sends a <see cref="BulkSendJob"/>: its unfinished chunks as multicasts with their own retry keys, a bounded
    /// number at a time, and returns the job with every chunk's outcome. A chunk that fails after the client's
    /// retries is marked failed with the reason; the others go on. Cancelling stops new chunks; chunks whose outcome
    /// is unknown stay pending and are safe to resend.
    /// </summary>
    /// <param name="job">A new job from <c>BulkSendJob.Create</c>, or a saved one to resume.</param>
    /// <param name="options">Concurrency and checkpointing; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>The job with the outcome of each chunk.</returns>
    /// <exception cref="IOException">The checkpoint store failed to save outcomes; the job stopped sending, and resuming
    /// it from the store is safe.</exception>
    public virtual async Task<BulkSendJob> SendBulkAsync(BulkSendJob job, BulkSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        options ??= new BulkSendOptions();
        LineLimits.Range(options.MaxConcurrency, nameof(options.MaxConcurrency), 1, 64);
        MessageValidator.ValidateMessages(job.Messages);

        var store = options.CheckpointStore;
        var plans = BulkSendPlanWriter.None;
        if (store is not null)
        {
            (job, plans) = await ResumeFromStoreAsync(store, job, cancellationToken).ConfigureAwait(false);
        }

        var chunks = job.Chunks.ToArray();
        var positions = new Dictionary<int, int>(chunks.Length);
        for (var i = 0; i < chunks.Length; i++)
        {
            positions.Add(chunks[i].Index, i);
        }

        var gate = new SemaphoreSlim(1, 1);
        using var _ = gate;

        async ValueTask CheckpointAsync(CancellationToken ct)
        {
            if (options.Checkpoint is null)
            {
                return;
            }

            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                BulkSendChunk[] snapshot;
                lock (chunks)
                {
                    snapshot = [.. chunks];
                }

                await options.Checkpoint(job with { Chunks = snapshot }, ct).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var toSend = chunks
            .Where(chunk => chunk.Status == BulkChunkStatus.Pending || (chunk.Status == BulkChunkStatus.Failed && options.ResendFailedChunks))
            .ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken };
        var outcomes = store is null ? null : new BulkSendOutcomeWriter(store, job.JobId);
        try
        {
            await Parallel.ForEachAsync(toSend, parallel, async (chunk, ct) =>
            {
                if (outcomes?.Failure is { } failure)
                {
                    // Nothing more is recorded: stop, rather than send chunks whose outcomes would be lost.
                    throw new IOException($"The checkpoint store failed; bulk send job {job.JobId} stops: {failure.Message}", failure);
                }

                await plans.StoredAsync(chunk.Index).WaitAsync(ct).ConfigureAwait(false);
                var outcome = await SendChunkAsync(job, chunk, ct).ConfigureAwait(false);
                lock (chunks)
                {
                    chunks[positions[chunk.Index]] = outcome;
                }

                outcomes?.Enqueue(outcome);
                await CheckpointAsync(ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            if (outcomes is not null)
            {
                await outcomes.CompleteAsync().ConfigureAwait(false);
            }

            // A plan batch still being written when the sends stopped (cancelled, failed) ends before the call does.
            // Its error, if any, already reached the sends that waited on it.
            await plans.AllStoredAsync().ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
        }

        return job with { Chunks = chunks };
    }

    /// <summary>
    /// Continues the job the store holds under this id, or records it as new; either way the chunks not yet stored are
    /// stored ahead of the sends (each before it is sent), so that a crash leaves no sent chunk the store does not know.
    /// </summary>
    private static async Task<(BulkSendJob Job, BulkSendPlanWriter Plans)> ResumeFromStoreAsync(IBulkSendCheckpointStore store, BulkSendJob job, CancellationToken cancellationToken)
    {
        var stored = await store.LoadJobAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        if (stored is null && await store.CreateJobAsync(job, cancellationToken).ConfigureAwait(false))
        {
            stored = job with { Chunks = [] };
        }

        stored ??= await store.LoadJobAsync(job.JobId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The checkpoint store did not keep bulk send job {job.JobId}.");
        var merged = BulkSendResume.Merge(stored, job);
        var planned = merged.Chunks.Skip(stored.Chunks.Count).ToArray();
        return (merged, planned.Length == 0 ? BulkSendPlanWriter.None : BulkSendPlanWriter.Start(store, job.JobId, planned, cancellationToken));
    }

    private async Task<BulkSendChunk> SendChunkAsync(BulkSendJob job, BulkSendChunk chunk, CancellationToken cancellationToken)
    {
        var request = new MulticastRequest(chunk.UserIds, job.Messages) { NotificationDisabled = job.NotificationDisabled };
        try
        {
            var response = await MulticastAsync(request, chunk.RetryKey, cancellationToken).ConfigureAwait(false);
            return chunk with
            {
                Status = BulkChunkStatus.Accepted,
                RequestId = response.RequestId,
                AcceptedRequestId = response.AcceptedRequestId,
                FailureStatus = null,
                FailureReason = null,
            };
        }
        catch (LineApiException e)
        {
            return chunk with { Status = BulkChunkStatus.Failed, RequestId = e.RequestId, FailureStatus = (int)e.StatusCode, FailureReason = e.Message };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // LINE may or may not have it: failed for this run, and safe to resend later with the same key.
            return chunk with { Status = BulkChunkStatus.Failed, FailureReason = $"{e.GetType().Name}: {e.Message}" };
        }
    }
}
