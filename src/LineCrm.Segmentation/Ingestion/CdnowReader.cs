using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// Reads the CDNOW purchase history format: an optional header line (<c>customer_id date number_of_cds
/// dollar_value</c>), then one order per line, four whitespace-separated fields: a customer number, a date
/// (<c>yyyyMMdd</c>), the number of CDs (1 or more) and the amount in dollars (negative for a refund).
/// </summary>
/// <remarks>
/// Customers become identifiers of type <c>cdnow</c> (<c>cdnow:00001</c>). Dates carry no time, so each order is
/// placed at local noon of its date in <see cref="OrderFileOptions.TimeZone"/>; analyse in the same zone.
/// </remarks>
public static class CdnowReader
{
    /// <summary>The identifier type of CDNOW customers.</summary>
    public static IdentifierType CustomerType { get; } = IdentifierType.FromName("cdnow");

    /// <summary>Loads a CDNOW file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The time zone and how to treat invalid rows.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="OrderFileFormatException">Strict mode and a row is invalid.</exception>
    public static async Task<OrderFile> LoadAsync(string path, OrderFileOptions options, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        return await ReadAsync(reader, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads CDNOW text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">The time zone and how to treat invalid rows.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="OrderFileFormatException">Strict mode and a row is invalid.</exception>
    public static Task<OrderFile> ReadAsync(TextReader reader, OrderFileOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OrderFileProblems(options, null);
        return OrderFileCollector.CollectAsync(CdnowRows.ReadAsync(reader, options, problems, cancellationToken), problems);
    }

    /// <summary>
    /// Streams the orders of CDNOW text as purchase events (in US dollars, channel web), one per valid row, as the
    /// text is read: nothing is read before the first event is asked for.
    /// </summary>
    /// <remarks>
    /// CDNOW rows have no order id, so each event's id is made from the row: <c>cdnow:</c>, the customer number, the
    /// date and the row's ordinal among the rows of the same customer on the same date, counted from 1 in file order
    /// (<c>cdnow:00001:19970101:1</c>, then <c>...:2</c> for a second order that day). Reading the same file again
    /// gives the same ids; so does fixing an invalid amount, since every row with a readable customer and date counts.
    /// Swapping two rows of one customer on one day swaps their ids. The event's <see cref="Purchase.OrderId"/> is the
    /// id without the <c>cdnow:</c> prefix. The reader holds one count per (customer, date) pair for this.
    /// </remarks>
    /// <param name="reader">The text.</param>
    /// <param name="options">The time zone, the line-length limit and how to treat invalid rows.</param>
    /// <param name="problems">Told of every invalid row (without strict mode), synchronously and in line order; may be null.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The purchases, each in a <see cref="CustomerEventEnvelope"/> with its id.</returns>
    /// <exception cref="OrderFileFormatException">While enumerating: strict mode and a row is invalid.</exception>
    public static IAsyncEnumerable<CustomerEventEnvelope> ReadEventsAsync(TextReader reader, OrderFileOptions options,
        IProgress<OrderFileProblem>? problems = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        return OrderCsvReader.EventsOf(CdnowRows.ReadAsync(reader, options, new OrderFileProblems(options, problems), cancellationToken), default);
    }
}
