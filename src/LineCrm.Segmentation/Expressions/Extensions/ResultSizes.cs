using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// How large the result of an extension function whose output can outgrow its inputs will be, computed without
/// building it, so the evaluation's budget is charged before the memory is taken (<c>'x'.replace('', s)</c>
/// for a long <c>s</c>, <c>lists.range(2000000000)</c>, a long list joined with a long separator).
/// </summary>
internal static class ResultSizes
{
    /// <summary>The UTF-16 length of <see cref="StringsFunctions.Replace(string, string, string, long)"/>'s result.</summary>
    public static long Replaced(string text, string old, string replacement, long count)
    {
        if (count == 0 || old == replacement)
        {
            return text.Length;
        }

        // An empty old string matches before every code point and at the end.
        var matches = old.Length == 0 ? CodePoints.Count(text) + 1 : Occurrences(text, old, count);
        if (count >= 0)
        {
            matches = Math.Min(matches, count);
        }

        return text.Length + (matches * ((long)replacement.Length - old.Length));
    }

    /// <summary>Charges what a replace builds: nothing when it returns the text unchanged.</summary>
    public static void ChargeReplace(CelCostBudget budget, string text, string old, string replacement, long count)
    {
        if (count != 0 && old != replacement)
        {
            budget.ChargeString(Replaced(text, old, replacement, count));
        }
    }

    /// <summary>The UTF-16 length of <see cref="StringsFunctions.Join"/>'s result; elements that are not strings are left to the join to report.</summary>
    public static long Joined(CelList list, string separator)
    {
        long length = list.Count == 0 ? 0 : (long)separator.Length * (list.Count - 1);
        foreach (var item in list.Items)
        {
            length += item is string s ? s.Length : 0;
        }

        return length;
    }

    /// <summary>How many parts <see cref="StringsFunctions.Split(string, string, long)"/> returns.</summary>
    public static long SplitParts(string text, string separator, long limit)
    {
        if (limit == 0)
        {
            return 0;
        }

        var parts = separator.Length == 0 ? CodePoints.Count(text) : Occurrences(text, separator, -1) + 1;
        return limit < 0 ? parts : Math.Min(parts, limit);
    }

    /// <summary>Charges what a split returns: the list and its parts, which hold the text but the separators between them.</summary>
    public static void ChargeSplit(CelCostBudget budget, string text, string separator, long limit)
    {
        var parts = SplitParts(text, separator, limit);
        budget.ChargeList(parts);
        budget.ChargeStrings(parts, parts == 0 ? 0 : text.Length - ((parts - 1) * separator.Length));
    }

    private static long Occurrences(string text, string part, long atMost)
    {
        long found = 0;
        var position = 0;
        while (atMost < 0 || found < atMost)
        {
            var next = text.IndexOf(part, position, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            found++;
            position = next + part.Length;
        }

        return found;
    }
}
