using System.Runtime.CompilerServices;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// The one parser of orders CSV: streams the valid rows of a text as they are read, holding only the current line
/// and the set of order ids seen (to refuse a repeated one).
/// </summary>
internal static class OrderCsvRows
{
    public static async IAsyncEnumerable<OrderRow> ReadAsync(TextReader reader, OrderFileOptions options, OrderFileProblems problems,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lines = new LineReader(reader, options.MaxLineLength);
        var fields = new List<string>();
        OrderCsvHeader? header = null;
        var orderIds = new Dictionary<string, int>(StringComparer.Ordinal);
        string? currency = null;
        while (await lines.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var lineNumber = lines.LineNumber;
            if (lines.Line is not { } line)
            {
                if (header is null)
                {
                    throw new OrderFileFormatException(new OrderFileProblem(lineNumber, 0, string.Empty,
                        "header: " + OrderFileProblems.TooLongMessage(lineNumber, options.MaxLineLength)));
                }

                problems.RejectTooLong(lineNumber);
                continue;
            }

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

                problems.CountRow();
                problems.Reject(lineNumber, badColumn, header.NameOf(badColumn), problem!);
                continue;
            }

            if (header is null)
            {
                header = OrderCsvHeader.Parse(fields, lineNumber);
                continue;
            }

            problems.CountRow();
            if (new OrderCsvRow(fields, header, lineNumber, problems).Read(options.TimeZone, orderIds, ref currency) is { } row)
            {
                yield return row;
            }
        }

        if (header is null)
        {
            throw new OrderFileFormatException(new OrderFileProblem(Math.Max(lines.LineNumber, 1), 0, string.Empty,
                $"the file has no header; the first line must name the columns ({string.Join(',', OrderCsvReader.RequiredColumns)}, ...)."));
        }
    }
}
