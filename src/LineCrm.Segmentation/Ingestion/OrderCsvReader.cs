using LineCrm.Events;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// Reads the generic orders CSV described in docs/metrics.md: a header naming the columns, then one order per
/// line. Required columns: <c>order_id</c>, <c>customer</c> (an identifier, <c>type:value</c>), <c>ordered_at</c>
/// (ISO 8601 date, local time, or time with offset), <c>amount</c> (invariant decimal, negative for a refund).
/// Optional: <c>currency</c> (one ISO 4217 code for the whole file), <c>channel</c>, <c>store_id</c>,
/// <c>campaign_id</c>, <c>quantity</c> (1 or more).
/// </summary>
public static class OrderCsvReader
{
    /// <summary>The columns every file must have.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["order_id", "customer", "ordered_at", "amount"];

    /// <summary>The columns a file may have.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["currency", "channel", "store_id", "campaign_id", "quantity"];

    /// <summary>Loads a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The time zone of times without offset and how to treat invalid rows.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="OrderFileFormatException">The header is missing or wrong, or strict mode and a row is invalid.</exception>
    public static async Task<OrderFile> LoadAsync(string path, OrderFileOptions options, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        return await ReadAsync(reader, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">The time zone of times without offset and how to treat invalid rows.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="OrderFileFormatException">The header is missing or wrong, or strict mode and a row is invalid.</exception>
    public static Task<OrderFile> ReadAsync(TextReader reader, OrderFileOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OrderFileProblems(options, null);
        return OrderFileCollector.CollectAsync(OrderCsvRows.ReadAsync(reader, options, problems, cancellationToken), problems);
    }

    /// <summary>
    /// Streams the orders of CSV text as purchase events, one per valid row, as the text is read: nothing is read
    /// before the first event is asked for, and only the current line and the order ids seen so far are held.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each event's id is <c>order:</c> followed by the row's <c>order_id</c> (<c>order:O-1001</c>), so the same order
    /// read from two files, or from the same file delivered again, has the same id and a log keyed on ids counts it
    /// once. An <c>order_id</c> is therefore at most 250 characters, and one that repeats within the file is a problem
    /// of the later row.
    /// </para>
    /// <para>
    /// An event's <see cref="Events.Purchase.Currency"/> is the row's <c>currency</c>, or <c>XXX</c> (ISO 4217's
    /// "no currency") when the file has none; its channel is the row's <c>channel</c>, or web when the row names none.
    /// </para>
    /// </remarks>
    /// <param name="reader">The text.</param>
    /// <param name="options">The time zone of times without offset, the line-length limit and how to treat invalid rows.</param>
    /// <param name="problems">
    /// Told of every invalid row (without strict mode), synchronously and in line order, before the next event; may be
    /// null. <see cref="OrderFileOptions.MaxReportedProblems"/> does not limit it.
    /// </param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The purchases, each in a <see cref="CustomerEventEnvelope"/> with its id.</returns>
    /// <exception cref="OrderFileFormatException">While enumerating: the header is missing or wrong, or strict mode and a row is invalid.</exception>
    public static IAsyncEnumerable<CustomerEventEnvelope> ReadEventsAsync(TextReader reader, OrderFileOptions options,
        IProgress<OrderFileProblem>? problems = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        return EventsOf(OrderCsvRows.ReadAsync(reader, options, new OrderFileProblems(options, problems), cancellationToken), default);
    }

    /// <summary>The events of streamed rows; a token given to the enumerator (<c>WithCancellation</c>) reaches the rows.</summary>
    internal static async IAsyncEnumerable<CustomerEventEnvelope> EventsOf(IAsyncEnumerable<OrderRow> rows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row.Event;
        }
    }
}
