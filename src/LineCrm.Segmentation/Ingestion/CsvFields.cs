namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// Splits one CSV line (RFC 4180 on a single line: comma-separated, fields may be quoted with <c>"</c>, a quote
/// inside a quoted field is doubled). Fields are trimmed of surrounding spaces outside quotes.
/// </summary>
internal static class CsvFields
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/>; on failure returns false with the 1-based column of the problem.</summary>
    public static bool TrySplit(string line, List<string> fields, out int badColumn, out string? problem)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                var text = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        badColumn = fields.Count + 1;
                        problem = "a quoted field is not closed (fields cannot span lines).";
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    text.Append(line[i++]);
                }

                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    badColumn = fields.Count + 1;
                    problem = "unexpected text after a closing quote.";
                    return false;
                }

                fields.Add(text.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                var raw = end < 0 ? line[i..] : line[i..end];
                if (raw.Contains('"', StringComparison.Ordinal))
                {
                    badColumn = fields.Count + 1;
                    problem = "a quote inside an unquoted field (quote the whole field and double the quote).";
                    return false;
                }

                fields.Add(raw.Trim());
                i = end < 0 ? line.Length : end;
            }

            if (i >= line.Length)
            {
                badColumn = 0;
                problem = null;
                return true;
            }

            i++; // the comma
        }
    }
}
