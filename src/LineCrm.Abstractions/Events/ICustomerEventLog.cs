namespace LineCrm.Events;

/// <summary>
/// The durable, append-only log of customer events that the identity graph, the fact store and the scenario engine
/// read. Every event is keyed by its <see cref="CustomerEventId"/>: appending an id that is already in the log does
/// nothing, so a redelivered webhook or an order feed read twice counts once.
/// </summary>
/// <remarks>
/// <para>What a caller may rely on, for every implementation:</para>
/// <list type="bullet">
/// <item><description><b>Durable:</b> when <see cref="AppendAsync"/> returns, the new events are committed and survive
/// a crash of the process or the machine.</description></item>
/// <item><description><b>Atomic:</b> a batch is appended whole or not at all; when the call throws, none of its
/// events were appended.</description></item>
/// <item><description><b>Exactly once by id:</b> the id is a unique key in the store (not a lookup before an insert),
/// so concurrent appenders of the same id append it once between them; the first envelope wins and later ones
/// with that id are skipped, even when their event differs.</description></item>
/// <item><description><b>Ordered:</b> each new event gets a <see cref="LoggedCustomerEvent.Position"/> greater than
/// every position already in the log, and positions become visible to readers in increasing order, so a reader that
/// remembers the last position it read never misses an event appended later. Positions may have gaps.</description></item>
/// <item><description><b>Same bytes everywhere:</b> events are stored as the JSON of <see cref="CustomerEventJson"/>,
/// whatever the engine.</description></item>
/// </list>
/// </remarks>
public interface ICustomerEventLog
{
    /// <summary>
    /// Appends the envelopes whose ids are not yet in the log, in the order given, in one durable commit.
    /// </summary>
    /// <param name="events">Up to <see cref="CustomerEventLogLimits.MaxAppendCount"/> envelopes; may be empty. An id
    /// given twice in one batch is appended once (the first).</param>
    /// <param name="cancellationToken">Cancels the call; the batch is then either appended whole or not at all.</param>
    /// <returns>The events that were new, with their positions, in the order given; the others were already logged.</returns>
    /// <exception cref="ArgumentException">An envelope is null (the message names its index), or the batch is larger
    /// than <see cref="CustomerEventLogLimits.MaxAppendCount"/>.</exception>
    /// <exception cref="NotSupportedException">An event is of a type <see cref="CustomerEventJson"/> cannot store.</exception>
    ValueTask<IReadOnlyList<LoggedCustomerEvent>> AppendAsync(IReadOnlyList<CustomerEventEnvelope> events, CancellationToken cancellationToken = default);

    /// <summary>Reads the events after <paramref name="afterPosition"/>, in append order.</summary>
    /// <param name="afterPosition">The last position already read; 0 to read from the start.</param>
    /// <param name="maxCount">The most events returned, 1 to <see cref="CustomerEventLogLimits.MaxReadCount"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Up to <paramref name="maxCount"/> events with positions greater than <paramref name="afterPosition"/>,
    /// in increasing position order; empty when there are none yet.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterPosition"/> is negative or
    /// <paramref name="maxCount"/> is out of range.</exception>
    /// <exception cref="System.Text.Json.JsonException">A stored event cannot be read back; the message names its position.</exception>
    ValueTask<IReadOnlyList<LoggedCustomerEvent>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);
}
