namespace LineCrm.Segmentation.Expressions.Runtime;

/// <summary>The six comparison operators, as compiled code and the column kernels see them.</summary>
internal enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>Helpers on <see cref="Comparison"/>.</summary>
internal static class ComparisonExtensions
{
    /// <summary>The operator with its operands swapped: <c>a &lt; b</c> is <c>b &gt; a</c>.</summary>
    public static Comparison Swapped(this Comparison op) => op switch
    {
        Comparison.Less => Comparison.Greater,
        Comparison.LessOrEqual => Comparison.GreaterOrEqual,
        Comparison.Greater => Comparison.Less,
        Comparison.GreaterOrEqual => Comparison.LessOrEqual,
        _ => op,
    };

    /// <summary>Whether <paramref name="sign"/> (a comparison result: negative, zero, positive) satisfies the operator.</summary>
    public static bool Holds(this Comparison op, int sign) => op switch
    {
        Comparison.Equal => sign == 0,
        Comparison.NotEqual => sign != 0,
        Comparison.Less => sign < 0,
        Comparison.LessOrEqual => sign <= 0,
        Comparison.Greater => sign > 0,
        _ => sign >= 0,
    };

    /// <summary>The operator's symbol.</summary>
    public static string Symbol(this Comparison op) => op switch
    {
        Comparison.Equal => "==",
        Comparison.NotEqual => "!=",
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        _ => ">=",
    };
}
