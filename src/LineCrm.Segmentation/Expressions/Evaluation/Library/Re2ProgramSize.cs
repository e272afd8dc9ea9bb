using System.Globalization;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// Estimates how many instructions an RE2 pattern compiles to once its counted repetitions are unrolled, the
/// measure RE2 bounds (its program size): an atom (a character, a class, <c>.</c>, an escape) is one, a
/// sequence the sum of its parts, an alternation the sum of its branches plus one per <c>|</c>, <c>x*</c>,
/// <c>x+</c> and <c>x?</c> one more than <c>x</c>, and <c>x{n,m}</c> <c>x</c> times <c>max(n, m)</c> (times
/// <c>n + 1</c> for <c>x{n,}</c>). Nested repetitions multiply, which is what makes <c>((a{100}){100}){100}</c>
/// expensive. The count saturates instead of overflowing. Runs on valid patterns (the translator checked them).
/// </summary>
internal static class Re2ProgramSize
{
    private const long Saturated = long.MaxValue / 4;

    public static long Estimate(string pattern)
    {
        // One frame per open group: the branches finished so far, the current branch, and the size of its last
        // item (what a following quantifier repeats).
        var frames = new Stack<(long Done, long Current, long Last)>();
        long done = 0, current = 0, last = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '(':
                    frames.Push((done, current, last));
                    (done, current, last) = (0, 0, 0);
                    i++;
                    break;
                case ')' when frames.Count > 0:
                    var group = Add(done, current);
                    (done, current, _) = frames.Pop();
                    current = Add(current, group);
                    last = group;
                    i++;
                    break;
                case '|':
                    done = Add(done, Add(current, 1));
                    (current, last) = (0, 0);
                    i++;
                    break;
                case '*' or '+' or '?':
                    current = Add(current, 1);
                    i++;
                    break;
                case '{' when TryCount(pattern, i, out var times, out var end):
                    current = Add(current, Multiply(last, times - 1));
                    last = Multiply(last, times);
                    i = end;
                    break;
                default:
                    i = SkipAtom(pattern, i);
                    current = Add(current, 1);
                    last = 1;
                    break;
            }
        }

        var total = Add(done, current);
        while (frames.Count > 0)
        {
            // Unbalanced groups are the translator's to reject; count what is there.
            var (outerDone, outerCurrent, _) = frames.Pop();
            total = Add(outerDone, Add(outerCurrent, total));
        }

        return Math.Max(total, 1);
    }

    // {n}, {n,} or {n,m} at `start`: how many copies of the repeated item the program holds.
    private static bool TryCount(string pattern, int start, out long times, out int end)
    {
        times = 0;
        end = pattern.IndexOf('}', start);
        if (end < 0)
        {
            return false;
        }

        var parts = pattern[(start + 1)..end].Split(',');
        end++;
        if (parts.Length > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            times = Math.Max(min, 1);
            return true;
        }

        times = parts[1].Length == 0
            ? min + 1
            : long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? Math.Max(Math.Max(min, max), 1) : min + 1;
        return true;
    }

    // The index after the atom at `i`: an escape (\Q...\E, \x{...}, \p{...} included), a class, or a character.
    private static int SkipAtom(string pattern, int i)
    {
        var c = pattern[i];
        if (c == '\\' && i + 1 < pattern.Length)
        {
            var next = pattern[i + 1];
            if (next == 'Q')
            {
                var close = pattern.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                return close < 0 ? pattern.Length : close + 2;
            }

            if (next is 'x' or 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] == '{')
            {
                var close = pattern.IndexOf('}', i + 3);
                return close < 0 ? pattern.Length : close + 1;
            }

            return next is 'p' or 'P' ? Math.Min(pattern.Length, i + 3) : i + 2;
        }

        if (c == '[')
        {
            var j = i + 1;
            if (j < pattern.Length && pattern[j] == '^')
            {
                j++;
            }

            if (j < pattern.Length && pattern[j] == ']')
            {
                j++;
            }

            while (j < pattern.Length && pattern[j] != ']')
            {
                if (pattern[j] == '\\')
                {
                    j++;
                }
                else if (pattern[j] == '[' && j + 1 < pattern.Length && pattern[j + 1] == ':')
                {
                    var close = pattern.IndexOf(":]", j + 2, StringComparison.Ordinal);
                    j = close < 0 ? j : close + 1;
                }

                j++;
            }

            return Math.Min(pattern.Length, j + 1);
        }

        return char.IsHighSurrogate(c) && i + 1 < pattern.Length ? i + 2 : i + 1;
    }

    private static long Add(long a, long b) => Math.Min(Saturated, a + b);

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > Saturated / b ? Saturated : Math.Min(Saturated, a * b);
}
