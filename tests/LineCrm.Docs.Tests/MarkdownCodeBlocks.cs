namespace LineCrm.Docs.Tests;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="Path">The file, relative to the repository root, with forward slashes.</param>
/// <param name="FenceLine">The 1-based line of the opening fence.</param>
/// <param name="Info">The fence's info string, for example <c>csharp</c> or <c>csharp fragment</c>.</param>
/// <param name="Code">The lines between the fences, with the fence's indentation removed.</param>
public sealed record CodeBlock(string Path, int FenceLine, string Info, string Code)
{
    /// <summary>The language, the info string's first word (<c>csharp</c>).</summary>
    public string Language => Info.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";

    /// <summary>True when the info string says the block is deliberately incomplete (<c>csharp fragment</c>).</summary>
    public bool IsFragment => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Contains("fragment", StringComparer.Ordinal);

    /// <summary>Where the block is, as <c>docs/x.md:12</c>.</summary>
    public string Location => $"{Path}:{FenceLine}";
}

/// <summary>Reads the fenced code blocks (<c>```</c> and <c>~~~</c>, CommonMark's rules for indentation and length) of Markdown text.</summary>
public static class MarkdownCodeBlocks
{
    /// <summary>Every fenced block of <paramref name="markdown"/>, in order.</summary>
    /// <param name="path">The file's name, carried into each block and into errors.</param>
    /// <param name="markdown">The file's text.</param>
    /// <exception cref="FormatException">A fence is never closed; the message names the file and line.</exception>
    public static IReadOnlyList<CodeBlock> Read(string path, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryOpen(lines[i], out var indent, out var fence, out var info))
            {
                continue;
            }

            var body = new List<string>();
            var close = i + 1;
            while (close < lines.Length && !Closes(lines[close], fence))
            {
                body.Add(Unindent(lines[close], indent));
                close++;
            }

            if (close == lines.Length)
            {
                throw new FormatException($"{path}:{i + 1}: the code fence {fence} opened here is never closed.");
            }

            blocks.Add(new CodeBlock(path, i + 1, info, string.Join('\n', body)));
            i = close;
        }

        return blocks;
    }

    private static bool TryOpen(string line, out int indent, out string fence, out string info)
    {
        indent = line.Length - line.TrimStart(' ').Length;
        var rest = line.AsSpan(indent);
        fence = "";
        info = "";
        if (indent > 3 || rest.Length < 3 || (rest[0] != '`' && rest[0] != '~'))
        {
            return false;
        }

        var length = rest.IndexOfAnyExcept(rest[0]);
        length = length < 0 ? rest.Length : length;
        if (length < 3)
        {
            return false;
        }

        fence = rest[..length].ToString();
        info = rest[length..].Trim().ToString();
        return !(fence[0] == '`' && info.Contains('`', StringComparison.Ordinal));
    }

    private static bool Closes(string line, string fence)
    {
        var trimmed = line.Trim();
        return line.Length - line.TrimStart(' ').Length <= 3
            && trimmed.Length >= fence.Length
            && trimmed.AsSpan().IndexOfAnyExcept(fence[0]) < 0;
    }

    // CommonMark: as many leading spaces as the opening fence had are removed from each content line.
    private static string Unindent(string line, int indent)
    {
        var spaces = 0;
        while (spaces < indent && spaces < line.Length && line[spaces] == ' ')
        {
            spaces++;
        }

        return line[spaces..];
    }
}
