using LineCrm.Messaging.RichMenus;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>
    /// Polls a rich menu batch until it is no longer <see cref="RichMenuBatchProgressPhase.Ongoing"/>, using the
    /// client's clock between polls, and returns its last progress: <see cref="RichMenuBatchProgressPhase.Succeeded"/>,
    /// <see cref="RichMenuBatchProgressPhase.Failed"/> (some users may still have been moved; send the batch again with
    /// the same <see cref="RichMenuBatchRequest.ResumeRequestKey"/> to finish it) or a phase LINE adds later.
    /// </summary>
    /// <param name="requestId">The request id of the <see cref="RichMenuBatchAsync"/> answer.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="pollInterval">How long between polls (default 5 s).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The batch was still ongoing after <paramref name="timeout"/>.</exception>
    public virtual async Task<RichMenuBatchProgress> WaitForRichMenuBatchAsync(
        string requestId, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var interval = pollInterval ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        var time = Transport.Time;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var progress = (await GetRichMenuBatchProgressAsync(requestId, cancellationToken).ConfigureAwait(false)).Value;
            if (progress.Phase != RichMenuBatchProgressPhase.Ongoing)
            {
                return progress;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Rich menu batch {requestId} was still {progress.Phase} after {timeout}.");
            }

            await Task.Delay(left < interval ? left : interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
