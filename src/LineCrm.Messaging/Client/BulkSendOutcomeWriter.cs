using System.Threading.Channels;

namespace LineCrm.Messaging.Client;

/// <summary>
/// Saves chunk outcomes to the checkpoint store behind the sends: outcomes queue here and one loop saves whatever has
/// queued in a single <see cref="IBulkSendCheckpointStore.SaveChunksAsync"/>, so a send never waits for a commit.
/// </summary>
/// <remarks>
/// Safe to lag because every chunk's plan and retry key are stored before it is sent: an outcome lost in a crash
/// leaves its chunk pending, and the resumed job sends it again with the same retry key, which LINE answers with 409
/// (reported as accepted) instead of delivering twice.
/// </remarks>
internal sealed class BulkSendOutcomeWriter
{
    private const int MaxChunksPerSave = 1_000;

    private readonly Channel<BulkSendChunk> _outcomes = Channel.CreateUnbounded<BulkSendChunk>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IBulkSendCheckpointStore _store;
    private readonly Guid _jobId;
    private readonly Task _loop;
    private volatile Exception? _failure;

    public BulkSendOutcomeWriter(IBulkSendCheckpointStore store, Guid jobId)
    {
        _store = store;
        _jobId = jobId;
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>The error that stopped the saves, if one did; the job should stop sending, since nothing more is recorded.</summary>
    public Exception? Failure => _failure;

    /// <summary>Queues an outcome for the next save.</summary>
    public void Enqueue(BulkSendChunk outcome) => _outcomes.Writer.TryWrite(outcome);

    /// <summary>Saves what is queued and stops; throws the error that stopped the saves, if any.</summary>
    public async Task CompleteAsync()
    {
        _outcomes.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (_failure is { } failure)
        {
            throw new IOException($"The checkpoint store failed to save the outcomes of bulk send job {_jobId}: {failure.Message}", failure);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<BulkSendChunk>();
        try
        {
            while (await _outcomes.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxChunksPerSave && _outcomes.Reader.TryRead(out var outcome))
                {
                    batch.Add(outcome);
                }

                // Cancelling the job stops sends, not the saving of outcomes already known: they make the resume cheaper.
                await _store.SaveChunksAsync(_jobId, batch, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }
}
