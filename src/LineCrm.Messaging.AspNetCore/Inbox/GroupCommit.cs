using System.Threading.Channels;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>
/// Group commit: callers hand in their items and wait; one loop commits everything that arrived while the previous
/// commit was running as a single batch. Nobody waits for a timer: a lone request is committed at once, and under
/// load the batch grows by itself to what arrived during one commit.
/// </summary>
/// <typeparam name="TItem">What is committed.</typeparam>
/// <typeparam name="TResult">What each item's commit tells its caller.</typeparam>
internal sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Submission> _submissions = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> _commit;
    private readonly int _maxBatch;
    private readonly Action<int>? _committed;
    private readonly Task _loop;

    public GroupCommit(Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> commit, int maxBatch, Action<int>? committed = null)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _committed = committed;
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Commits <paramref name="items"/> with whatever else is waiting; returns once they are durable.</summary>
    /// <param name="items">The caller's items, committed together in one batch.</param>
    /// <param name="cancellationToken">
    /// Stops the wait only: items already handed in may still be committed (a webhook caller that gave up learns
    /// nothing, and the sender's redelivery is then a duplicate, which is what the unique key is for).
    /// </param>
    /// <exception cref="ObjectDisposedException">The committer is shutting down.</exception>
    public async Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        var submission = new Submission(items, new TaskCompletionSource<IReadOnlyList<TResult>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_submissions.Writer.TryWrite(submission))
        {
            throw new ObjectDisposedException(nameof(GroupCommit<TItem, TResult>), "The inbox is shutting down and takes no more events.");
        }

        return await submission.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Submission>();
        var items = new List<TItem>();
        while (await _submissions.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            items.Clear();
            while (items.Count < _maxBatch && _submissions.Reader.TryRead(out var next))
            {
                batch.Add(next);
                items.AddRange(next.Items);
            }

            try
            {
                var results = await _commit(items, CancellationToken.None).ConfigureAwait(false);
                _committed?.Invoke(items.Count);
                var offset = 0;
                foreach (var submission in batch)
                {
                    submission.Done.TrySetResult(Slice(results, offset, submission.Items.Count));
                    offset += submission.Items.Count;
                }
            }
#pragma warning disable CA1031 // The store's failure belongs to the requests of this batch (they answer 500), not to the loop.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var submission in batch)
                {
                    submission.Done.TrySetException(e);
                }
            }
        }
    }

    private static TResult[] Slice(IReadOnlyList<TResult> results, int offset, int count)
    {
        var slice = new TResult[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = results[offset + i];
        }

        return slice;
    }

    /// <summary>Takes no more items, commits those already handed in, and ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _submissions.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed record Submission(IReadOnlyList<TItem> Items, TaskCompletionSource<IReadOnlyList<TResult>> Done);
}
