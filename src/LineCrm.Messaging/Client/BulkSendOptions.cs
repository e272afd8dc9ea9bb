namespace LineCrm.Messaging.Client;

/// <summary>How <see cref="LineMessagingClient.SendBulkAsync"/> runs a job.</summary>
public sealed class BulkSendOptions
{
    /// <summary>Chunks in flight at once (default 4). The client-side multicast rate limit applies on top.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Called with the job's state before the first chunk and after every chunk's outcome, one call at a time. It
    /// sees the whole job each time, so saving it costs the job's size per chunk: prefer <see cref="CheckpointStore"/>,
    /// which saves only the chunk.
    /// </summary>
    public Func<BulkSendJob, CancellationToken, ValueTask>? Checkpoint { get; set; }

    /// <summary>
    /// Where the job's progress is kept, one chunk at a time (an SQLite or PostgreSQL store from the LineCrm.Stores
    /// packages, say). With a store, <see cref="LineMessagingClient.SendBulkAsync"/> resumes a job whose id is already
    /// stored: chunks accepted before are skipped, the others are resent with their stored retry keys, and recipients
    /// that no stored chunk holds are planned into new chunks. Every chunk is stored before it is sent; outcomes are
    /// saved behind the sends, in batches, and the call returns once all are saved. An outcome lost in a crash leaves
    /// its chunk pending, so the resumed job resends it with its stored retry key, which LINE answers with 409
    /// (reported as accepted), not a second delivery.
    /// </summary>
    public IBulkSendCheckpointStore? CheckpointStore { get; set; }

    /// <summary>Whether chunks that failed in an earlier run are sent again (default true; their key keeps it safe).</summary>
    public bool ResendFailedChunks { get; set; } = true;
}
