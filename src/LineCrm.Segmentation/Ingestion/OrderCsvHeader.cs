namespace LineCrm.Segmentation.Ingestion;

/// <summary>The header of an orders CSV: which column holds which field.</summary>
internal sealed class OrderCsvHeader
{
    private readonly string[] _names;

    private OrderCsvHeader(string[] names) => _names = names;

    public int Count => _names.Length;

    public string NameOf(int column) => column >= 1 && column <= _names.Length ? _names[column - 1] : string.Empty;

    public int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <exception cref="OrderFileFormatException">A column is unknown, repeated or missing.</exception>
    public static OrderCsvHeader Parse(List<string> fields, int line)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        for (var c = 0; c < names.Length; c++)
        {
            if (!OrderCsvReader.RequiredColumns.Contains(names[c]) && !OrderCsvReader.OptionalColumns.Contains(names[c]))
            {
                throw new OrderFileFormatException(new OrderFileProblem(line, c + 1, names[c],
                    $"unknown column '{fields[c]}'; the columns are {string.Join(", ", OrderCsvReader.RequiredColumns.Concat(OrderCsvReader.OptionalColumns))}."));
            }

            if (Array.IndexOf(names, names[c]) != c)
            {
                throw new OrderFileFormatException(new OrderFileProblem(line, c + 1, names[c], $"column '{names[c]}' appears twice."));
            }
        }

        foreach (var required in OrderCsvReader.RequiredColumns)
        {
            if (!names.Contains(required))
            {
                throw new OrderFileFormatException(new OrderFileProblem(line, 0, required, $"the header has no '{required}' column."));
            }
        }

        return new OrderCsvHeader(names);
    }
}
