using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;

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
    public static async Task<OrderFile> ReadAsync(TextReader reader, OrderFileOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var collector = new OrderFileCollector(options);
        var fields = new List<string>();
        Header? header = null;
        var orderIds = new Dictionary<string, int>(StringComparer.Ordinal);
        string? currency = null;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!CsvFields.TrySplit(line, fields, out var badColumn, out var problem))
            {
                if (header is null)
                {
                    throw new OrderFileFormatException(new OrderFileProblem(lineNumber, badColumn, string.Empty, "header: " + problem));
                }

                collector.CountRow();
                collector.Reject(lineNumber, badColumn, header.NameOf(badColumn), problem!);
                continue;
            }

            if (header is null)
            {
                header = Header.Parse(fields, lineNumber);
                continue;
            }

            collector.CountRow();
            var row = new Row(fields, header, lineNumber, collector);
            if (row.Read(options.TimeZone, orderIds, ref currency) is { } order)
            {
                collector.Add(order.Customer, order.At, order.Amount, order.Quantity, order.Store, order.Channel, order.Campaign);
            }
        }

        if (header is null)
        {
            throw new OrderFileFormatException(new OrderFileProblem(Math.Max(lineNumber, 1), 0, string.Empty,
                $"the file has no header; the first line must name the columns ({string.Join(',', RequiredColumns)}, ...)."));
        }

        return collector.Build();
    }

    private sealed record ParsedOrder(Identifier Customer, DateTimeOffset At, decimal Amount, int Quantity, string? Store, string? Channel, string? Campaign);

    private sealed class Header
    {
        private readonly string[] _names;

        private Header(string[] names) => _names = names;

        public int Count => _names.Length;

        public string NameOf(int column) => column >= 1 && column <= _names.Length ? _names[column - 1] : string.Empty;

        public int IndexOf(string name) => Array.IndexOf(_names, name);

        public static Header Parse(List<string> fields, int line)
        {
            var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
            for (var c = 0; c < names.Length; c++)
            {
                if (!RequiredColumns.Contains(names[c]) && !OptionalColumns.Contains(names[c]))
                {
                    throw new OrderFileFormatException(new OrderFileProblem(line, c + 1, names[c],
                        $"unknown column '{fields[c]}'; the columns are {string.Join(", ", RequiredColumns.Concat(OptionalColumns))}."));
                }

                if (Array.IndexOf(names, names[c]) != c)
                {
                    throw new OrderFileFormatException(new OrderFileProblem(line, c + 1, names[c], $"column '{names[c]}' appears twice."));
                }
            }

            foreach (var required in RequiredColumns)
            {
                if (!names.Contains(required))
                {
                    throw new OrderFileFormatException(new OrderFileProblem(line, 0, required, $"the header has no '{required}' column."));
                }
            }

            return new Header(names);
        }
    }

    private readonly ref struct Row(List<string> fields, Header header, int line, OrderFileCollector collector)
    {
        public ParsedOrder? Read(TimeZoneInfo timeZone, Dictionary<string, int> orderIds, ref string? currency)
        {
            if (fields.Count != header.Count)
            {
                collector.Reject(line, 0, string.Empty, FormattableString.Invariant($"expected {header.Count} fields as in the header, found {fields.Count}."));
                return null;
            }

            var orderId = Field("order_id");
            if (orderId.Length == 0)
            {
                return Reject("order_id", "is empty.");
            }

            if (orderIds.TryGetValue(orderId, out var firstLine))
            {
                return Reject("order_id", FormattableString.Invariant($"'{orderId}' appeared before, on line {firstLine}."));
            }

            if (!Identifier.TryParse(Field("customer"), CultureInfo.InvariantCulture, out var customer))
            {
                return Reject("customer", $"'{Field("customer")}' is not an identifier (type:value, for example web:M-1001 or store:CARD-1).");
            }

            if (LocalTimes.Parse(Field("ordered_at"), timeZone, out var timeProblem) is not { } at)
            {
                return Reject("ordered_at", timeProblem!);
            }

            if (!decimal.TryParse(Field("amount"), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return Reject("amount", $"'{Field("amount")}' is not an amount (invariant decimal, for example 1200 or -350.50).");
            }

            var quantity = 0;
            if (Optional("quantity") is { } q && (!int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out quantity) || quantity < 1))
            {
                return Reject("quantity", $"'{q}' is not a quantity (a whole number, 1 or more; a refund is a negative amount).");
            }

            if (Optional("currency") is { } code)
            {
                if (code.Length != 3 || !code.All(char.IsAsciiLetter))
                {
                    return Reject("currency", $"'{code}' is not a three-letter ISO 4217 code.");
                }

                code = code.ToUpperInvariant();
                currency ??= code;
                if (code != currency)
                {
                    return Reject("currency", $"'{code}' differs from the file's currency {currency}; amounts in different currencies cannot be added up.");
                }
            }

            string? channel = null;
            if (Optional("channel") is { } c)
            {
                try
                {
                    channel = PurchaseChannel.FromName(c).Name;
                }
                catch (ArgumentException e)
                {
                    return Reject("channel", e.Message);
                }
            }

            orderIds.Add(orderId, line);
            return new ParsedOrder(customer, at, amount, quantity, Optional("store_id"), channel, Optional("campaign_id"));
        }

        private string Field(string name) => fields[header.IndexOf(name)];

        private string? Optional(string name)
        {
            var i = header.IndexOf(name);
            return i < 0 || fields[i].Length == 0 ? null : fields[i];
        }

        private ParsedOrder? Reject(string name, string message)
        {
            collector.Reject(line, header.IndexOf(name) + 1, name, message);
            return null;
        }
    }
}
