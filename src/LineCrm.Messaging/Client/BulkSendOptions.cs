namespace LineCrm.Messaging.Client;

/// <summary>How <see cref="LineMessagingClient.SendBulkAsync"/> runs a job.</summary>
public sealed class BulkSendOptions
{
    /// <summary>Chunks in flight at once (default 4). The client-side multicast rate limit applies on top.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Called with the job's state before the first chunk and after every chunk's outcome, one call at a time: save
    /// <see cref="BulkSendJob.ToJson"/> here to be able to resume after a crash.
    /// </summary>
    public Func<BulkSendJob, CancellationToken, ValueTask>? Checkpoint { get; set; }

    /// <summary>Whether chunks that failed in an earlier run are sent again (default true; their key keeps it safe).</summary>
    public bool ResendFailedChunks { get; set; } = true;
}
