namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>The text of an expression, and the way from a UTF-16 offset to a one-based line:column (in code points).</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    /// <summary>The one-based line and column of <paramref name="offset"/>; the column counts code points.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = 1;
        for (var i = _lineStarts[line]; i < offset; i++)
        {
            // A surrogate pair is one code point: count only its first half.
            if (!char.IsLowSurrogate(Text[i]))
            {
                column++;
            }
        }

        return (line + 1, column);
    }
}
