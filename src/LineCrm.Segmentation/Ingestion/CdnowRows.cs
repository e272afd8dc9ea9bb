using System.Globalization;
using System.Runtime.CompilerServices;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// The one parser of CDNOW text: streams the valid rows as they are read, holding only the current line and, for
/// the event ids, how many rows each (customer, date) pair has had so far.
/// </summary>
internal static class CdnowRows
{
    private static readonly string[] FieldNames = ["customer_id", "date", "number_of_cds", "dollar_value"];

    public static async IAsyncEnumerable<OrderRow> ReadAsync(TextReader reader, OrderFileOptions options, OrderFileProblems problems,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lines = new LineReader(reader, options.MaxLineLength);
        var ordinals = new Dictionary<(string Customer, DateOnly Date), int>();
        while (await lines.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var lineNumber = lines.LineNumber;
            if (lines.Line is not { } line)
            {
                problems.RejectTooLong(lineNumber);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.TrimStart().StartsWith(FieldNames[0], StringComparison.Ordinal)))
            {
                continue;
            }

            problems.CountRow();
            if (Read(line, lineNumber, options.TimeZone, problems, ordinals) is { } row)
            {
                yield return row;
            }
        }
    }

    private static OrderRow? Read(string line, int lineNumber, TimeZoneInfo timeZone, OrderFileProblems problems,
        Dictionary<(string Customer, DateOnly Date), int> ordinals)
    {
        Span<Range> fields = stackalloc Range[5];
        var span = line.AsSpan();
        var count = span.SplitAny(fields, " \t\r", StringSplitOptions.RemoveEmptyEntries);
        if (count != 4)
        {
            return Reject(problems, lineNumber, 0,
                $"expected 4 fields ({string.Join(' ', FieldNames)}), found {(count > 4 ? "more" : count.ToString(CultureInfo.InvariantCulture))}.");
        }

        var customerText = span[fields[0]];
        if (customerText.ContainsAnyExceptInRange('0', '9'))
        {
            return Reject(problems, lineNumber, 1, $"'{Shorten(customerText)}' is not a customer number (digits).");
        }

        if (customerText.Length > OrderEventIds.MaxCdnowCustomerLength)
        {
            return Reject(problems, lineNumber, 1,
                FormattableString.Invariant($"the customer number is {customerText.Length} digits long; the limit is {OrderEventIds.MaxCdnowCustomerLength}."));
        }

        if (!DateOnly.TryParseExact(span[fields[1]], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Reject(problems, lineNumber, 2, $"'{Shorten(span[fields[1]])}' is not a date (yyyyMMdd).");
        }

        // The ordinal counts every row whose customer and date are readable, valid or not, so that fixing a bad
        // amount and reading the file again gives the rows after it the ids they had.
        var customer = new Identifier(CdnowReader.CustomerType, customerText.ToString());
        ref var ordinal = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ordinals, (customer.Value, date), out _);
        ordinal++;

        if (LocalTimes.AtNoon(date, timeZone, out var timeProblem) is not { } at)
        {
            return Reject(problems, lineNumber, 2, timeProblem!);
        }

        if (!int.TryParse(span[fields[2]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cds) || cds < 1)
        {
            return Reject(problems, lineNumber, 3, $"'{Shorten(span[fields[2]])}' is not a number of CDs (a whole number, 1 or more).");
        }

        if (!decimal.TryParse(span[fields[3]], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars))
        {
            return Reject(problems, lineNumber, 4, $"'{Shorten(span[fields[3]])}' is not an amount (for example 11.77).");
        }

        // As in the orders CSV: an amount the member table cannot keep exactly is this row's problem, not the load's.
        if (Members.MoneyUnits.TryToUnits(dollars, out _) is { } amountProblem)
        {
            return Reject(problems, lineNumber, 4, $"'{Shorten(span[fields[3]])}' {amountProblem}.");
        }

        var purchase = new Purchase(OrderIdOf(customer, date, ordinal), customer, at, dollars, "USD", PurchaseChannel.Web);
        return new OrderRow(new CustomerEventEnvelope(OrderEventIds.ForCdnowRow(customer, date, ordinal), purchase), cds, HasChannel: true);
    }

    private static string OrderIdOf(Identifier customer, DateOnly date, int ordinal)
        => string.Create(CultureInfo.InvariantCulture, $"{customer.Value}:{date:yyyyMMdd}:{ordinal}");

    private static OrderRow? Reject(OrderFileProblems problems, int line, int column, string message)
    {
        problems.Reject(line, column, column == 0 ? string.Empty : FieldNames[column - 1], message);
        return null;
    }

    private static string Shorten(ReadOnlySpan<char> value) => value.Length <= 40 ? value.ToString() : string.Concat(value[..37], "...");
}
