namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>String functions: sizes in code points, and ordinal (code point exact) searches.</summary>
internal static class StringFunctions
{
    public static long CodePointCount(string value)
    {
        var count = 0L;
        foreach (var c in value)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    public static bool Contains(string value, string part) => value.Contains(part, StringComparison.Ordinal);

    public static bool StartsWith(string value, string prefix) => value.StartsWith(prefix, StringComparison.Ordinal);

    public static bool EndsWith(string value, string suffix) => value.EndsWith(suffix, StringComparison.Ordinal);
}
