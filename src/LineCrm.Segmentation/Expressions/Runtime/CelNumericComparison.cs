namespace LineCrm.Segmentation.Expressions.Runtime;

/// <summary>
/// CEL's ordering of an int against a double (<c>2 &lt; 2.5</c>), the way the reference interpreter does it (as
/// cel-go does): the int is converted to double and the two compared as doubles. NaN is unordered: every
/// comparison with it is false except <c>!=</c>.
/// </summary>
internal static class CelNumericComparison
{
    public static bool IntDouble(long a, Comparison op, double b) => Doubles(a, op, b);

    public static bool DoubleInt(double a, Comparison op, long b) => Doubles(a, op, b);

    private static bool Doubles(double a, Comparison op, double b) => op switch
    {
        Comparison.Equal => a == b,
        Comparison.NotEqual => a != b,
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        _ => a >= b,
    };
}
