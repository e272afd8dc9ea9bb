namespace LineCrm.Segmentation.Expressions.Compilation;

/// <summary>
/// CEL compares numbers of different types by their value on the real number line (<c>1 == 1.0</c>,
/// <c>2 &lt; 2.5</c>), without the rounding a plain conversion of a large int to double would bring. NaN is
/// unordered: every comparison with it is false except <c>!=</c>.
/// </summary>
internal static class CelNumericComparison
{
    private const double TwoTo63 = 9.2233720368547758E18;

    public static bool IntDouble(long a, Comparison op, double b) =>
        double.IsNaN(b) ? op == Comparison.NotEqual : op.Holds(CompareIntDouble(a, b));

    public static bool DoubleInt(double a, Comparison op, long b) =>
        double.IsNaN(a) ? op == Comparison.NotEqual : op.Holds(-CompareIntDouble(b, a));

    /// <summary>The sign of <c>a - b</c> on the real line; <paramref name="b"/> is not NaN.</summary>
    private static int CompareIntDouble(long a, double b)
    {
        if (b >= TwoTo63)
        {
            return -1;
        }

        if (b < -TwoTo63)
        {
            return 1;
        }

        var whole = Math.Truncate(b);
        var bInt = (long)whole;
        if (a != bInt)
        {
            return a < bInt ? -1 : 1;
        }

        var fraction = b - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }
}
