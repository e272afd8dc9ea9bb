namespace LineCrm.Messaging.Client;

/// <summary>
/// Stores the plans of a job's new chunks (retry key and recipients) ahead of the sends, a batch at a time in index
/// order, so that a large job starts sending once its first batch is stored instead of after all of it. A chunk is
/// sent only after the batch holding it is committed; a crash leaves a stored prefix, and recipients beyond it were
/// never sent to (the resume plans them again).
/// </summary>
internal sealed class BulkSendPlanWriter
{
    private const int ChunksPerSave = 64;

    private readonly Dictionary<int, Task> _savedByIndex = [];

    private BulkSendPlanWriter()
    {
    }

    /// <summary>A writer with nothing to store: every chunk is already planned.</summary>
    public static BulkSendPlanWriter None { get; } = new();

    /// <summary>Starts storing <paramref name="planned"/> in batches, in order, on a task of its own.</summary>
    public static BulkSendPlanWriter Start(IBulkSendCheckpointStore store, Guid jobId, IReadOnlyList<BulkSendChunk> planned, CancellationToken cancellationToken)
    {
        var writer = new BulkSendPlanWriter();
        var batches = planned.Chunk(ChunksPerSave).Select(batch => (Batch: batch, Saved: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))).ToArray();
        foreach (var (batch, saved) in batches)
        {
            foreach (var chunk in batch)
            {
                writer._savedByIndex[chunk.Index] = saved.Task;
            }
        }

        _ = Task.Run(
            async () =>
            {
                for (var i = 0; i < batches.Length; i++)
                {
                    try
                    {
                        await store.SaveChunksAsync(jobId, batches[i].Batch, cancellationToken).ConfigureAwait(false);
                        batches[i].Saved.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        // This batch and every later one stay unstored: none of their chunks may be sent.
                        foreach (var (_, saved) in batches.AsSpan(i))
                        {
                            if (e is OperationCanceledException canceled)
                            {
                                saved.TrySetCanceled(canceled.CancellationToken);
                            }
                            else
                            {
                                saved.TrySetException(e);
                            }
                        }

                        return;
                    }
                }
            },
            CancellationToken.None);
        return writer;
    }

    /// <summary>Completes when the chunk's plan is stored (at once for a chunk stored before this run).</summary>
    public Task StoredAsync(int chunkIndex) => _savedByIndex.TryGetValue(chunkIndex, out var saved) ? saved : Task.CompletedTask;

    /// <summary>Completes when every batch was stored or failed; the failure is the first chunk's to wait on.</summary>
    public Task AllStoredAsync() => Task.WhenAll(_savedByIndex.Values.Distinct());
}
