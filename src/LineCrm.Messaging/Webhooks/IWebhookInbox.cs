namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// The durable inbox between a webhook endpoint and its handlers: the endpoint adds a body's events before it answers
/// LINE's request with 200, and workers lease them, run the handlers and complete, retry or park each one. Keyed by
/// <c>webhookEventId</c>, so it is also the dedupe of redeliveries that survives restarts.
/// </summary>
/// <remarks>
/// <para>What a caller may rely on, for every implementation:</para>
/// <list type="bullet">
/// <item><description><b>Durable and atomic adds:</b> when <see cref="AddAsync"/> returns, every item of the batch is
/// committed (one commit for the batch) and survives a crash of the process or the machine; when it throws, none
/// was added. Implementations may combine concurrent calls into one commit; each call still returns only when its
/// own items are committed.</description></item>
/// <item><description><b>One entry per id:</b> <c>webhookEventId</c> is a unique key. Adding an id that is already in
/// the inbox (pending, leased, completed or dead, and not yet purged) changes nothing and reports it as not new;
/// that is how a redelivery is recognised. Concurrent adds of one id make one entry, and exactly one caller is told
/// it was new.</description></item>
/// <item><description><b>Leases:</b> <see cref="LeaseAsync"/> hands each due entry to one caller at a time until the
/// lease expires. An entry whose lease expired (its worker crashed or hung) is due again and is handed out again,
/// with a new lease id; an outcome reported with the old lease then returns false and changes nothing. Each lease
/// counts one attempt, so handlers run at least once, and more than once only after a lease expired or a retry:
/// make them idempotent on the <c>webhookEventId</c>.</description></item>
/// <item><description><b>Order:</b> due entries are leased oldest first by <see cref="WebhookInboxEntry.Sequence"/>
/// (the order they were added). Entries leased together or by concurrent workers may finish in any
/// order.</description></item>
/// <item><description><b>Time:</b> due times and lease expiry are judged by the implementation's injected
/// <see cref="TimeProvider"/>; times are kept to the microsecond and returned in UTC.</description></item>
/// <item><description><b>Dead entries stay</b> until replayed; <see cref="PurgeCompletedAsync"/> removes completed
/// entries only.</description></item>
/// </list>
/// </remarks>
public interface IWebhookInbox
{
    /// <summary>Adds a batch of accepted events in one durable commit; ids already in the inbox are skipped.</summary>
    /// <param name="items">Up to <see cref="WebhookInboxLimits.MaxBatchCount"/> events; may be empty. An id given twice
    /// in one batch is added once (the first) and the second is reported as not new.</param>
    /// <param name="cancellationToken">Cancels the call; the batch is then either added whole or not at all.</param>
    /// <returns>For each item, in the order given, true when it was new and is now pending (due at once), false when
    /// its id was already in the inbox.</returns>
    /// <exception cref="ArgumentException">An item is null (the message names its index) or the batch is too large.</exception>
    ValueTask<IReadOnlyList<bool>> AddAsync(IReadOnlyList<WebhookInboxItem> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> due entries (pending and due, or leased with an expired lease), oldest
    /// first, and counts an attempt on each.
    /// </summary>
    /// <param name="maxCount">The most entries leased, 1 to <see cref="WebhookInboxLimits.MaxBatchCount"/>.</param>
    /// <param name="leaseDuration">How long the caller has to report an outcome before the entry is due again; more than
    /// zero and at most a day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leased entries, oldest first; empty when none is due.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Marks a leased entry as handled. It stays, for dedupe, until purged.</summary>
    /// <param name="lease">The lease from <see cref="LeaseAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the lease was still the entry's current lease (even if expired, as long as nobody leased
    /// the entry again) and the entry is now completed; false when another lease took over, and nothing changed.</returns>
    ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and makes the entry due again at <paramref name="nextAttemptAt"/>.</summary>
    /// <param name="lease">The lease from <see cref="LeaseAsync"/>.</param>
    /// <param name="errorMessage">What went wrong (kept up to <see cref="WebhookInboxLimits.MaxErrorLength"/> characters;
    /// never put secrets in it).</param>
    /// <param name="nextAttemptAt">When to try again (the caller's backoff).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the lease was current and the entry is pending again; false when another lease took over.</returns>
    ValueTask<bool> RetryLaterAsync(WebhookInboxLease lease, string errorMessage, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Parks a leased entry as dead with its error: it is not leased again until <see cref="ReplayAsync"/>.</summary>
    /// <param name="lease">The lease from <see cref="LeaseAsync"/>.</param>
    /// <param name="errorMessage">Why it is given up (kept up to <see cref="WebhookInboxLimits.MaxErrorLength"/> characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the lease was current and the entry is now dead; false when another lease took over.</returns>
    ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string errorMessage, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives a leased entry back without an outcome (a worker stopping normally): it is due at once, and the attempt
    /// this lease counted is not counted.
    /// </summary>
    /// <param name="lease">The lease from <see cref="LeaseAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the lease was current and the entry is pending again; false when another lease took over.</returns>
    ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, CancellationToken cancellationToken = default);

    /// <summary>Lists dead entries in <see cref="WebhookInboxEntry.Sequence"/> order, a page at a time.</summary>
    /// <param name="afterSequence">The last sequence of the previous page; 0 for the first page.</param>
    /// <param name="maxCount">The most entries returned, 1 to <see cref="WebhookInboxLimits.MaxBatchCount"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dead entries with a sequence greater than <paramref name="afterSequence"/>, in sequence order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    ValueTask<IReadOnlyList<WebhookInboxEntry>> ListDeadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Makes a dead entry pending again, due at once, with its attempts reset to 0 and its last error kept.</summary>
    /// <param name="webhookEventId">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the entry was dead and is now pending; false when there is no such entry or it is not dead.</returns>
    ValueTask<bool> ReplayAsync(string webhookEventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes completed entries received before <paramref name="receivedBefore"/>: call it with now minus the
    /// dedupe window (LINE's redelivery window), since a purged id that LINE redelivers is added and handled again.
    /// </summary>
    /// <param name="receivedBefore">Completed entries received strictly before this are removed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were removed.</returns>
    ValueTask<int> PurgeCompletedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    /// <summary>The entry with this id, in whatever state, or null when there is none (never added, or purged).</summary>
    /// <param name="webhookEventId">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxEntry?> FindAsync(string webhookEventId, CancellationToken cancellationToken = default);

    /// <summary>How many entries are in each state now (for a backlog gauge); a leased entry whose lease expired counts as leased.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken = default);
}
