namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>Code point positions in UTF-16 strings; text without surrogates (most of it) takes the direct path.</summary>
internal static class CodePoints
{
    public static long Count(string text)
    {
        var surrogates = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        return surrogates < 0 ? text.Length : CountBefore(text, text.Length);
    }

    /// <summary>How many code points start before the UTF-16 offset <paramref name="charOffset"/>.</summary>
    public static long CountBefore(string text, int charOffset)
    {
        long count = 0;
        for (var i = 0; i < charOffset; i++)
        {
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The UTF-16 offset of code point <paramref name="index"/> (the length for the end).</summary>
    public static int CharOffset(string text, long index)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return (int)index;
        }

        var offset = 0;
        for (long i = 0; i < index && offset < text.Length; i++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }
}
