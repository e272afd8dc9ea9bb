using System.Globalization;
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

    private static readonly string[] FieldNames = ["customer_id", "date", "number_of_cds", "dollar_value"];

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
    public static async Task<OrderFile> ReadAsync(TextReader reader, OrderFileOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var collector = new OrderFileCollector(options);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.TrimStart().StartsWith(FieldNames[0], StringComparison.Ordinal)))
            {
                continue;
            }

            collector.CountRow();
            ReadRow(line, lineNumber, options.TimeZone, collector);
        }

        return collector.Build();
    }

    private static void ReadRow(string line, int lineNumber, TimeZoneInfo timeZone, OrderFileCollector collector)
    {
        Span<Range> fields = stackalloc Range[5];
        var span = line.AsSpan();
        var count = span.SplitAny(fields, " \t\r", StringSplitOptions.RemoveEmptyEntries);
        if (count != 4)
        {
            collector.Reject(lineNumber, 0, string.Empty,
                $"expected 4 fields ({string.Join(' ', FieldNames)}), found {(count > 4 ? "more" : count.ToString(CultureInfo.InvariantCulture))}.");
            return;
        }

        var customer = span[fields[0]];
        if (customer.ContainsAnyExceptInRange('0', '9'))
        {
            collector.Reject(lineNumber, 1, FieldNames[0], $"'{customer}' is not a customer number (digits).");
            return;
        }

        if (!DateOnly.TryParseExact(span[fields[1]], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            collector.Reject(lineNumber, 2, FieldNames[1], $"'{span[fields[1]]}' is not a date (yyyyMMdd).");
            return;
        }

        if (!int.TryParse(span[fields[2]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cds) || cds < 1)
        {
            collector.Reject(lineNumber, 3, FieldNames[2], $"'{span[fields[2]]}' is not a number of CDs (a whole number, 1 or more).");
            return;
        }

        if (!decimal.TryParse(span[fields[3]], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars))
        {
            collector.Reject(lineNumber, 4, FieldNames[3], $"'{span[fields[3]]}' is not an amount (for example 11.77).");
            return;
        }

        collector.Add(new Identifier(CustomerType, customer.ToString()), LocalTimes.AtNoon(date, timeZone), dollars, cds, channel: "web");
    }
}
