namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// An expression went past one of the configured <see cref="CelLimits"/>: too long, too many nodes, nested too
/// deeply, too many comprehension iterations, too much memory created, or a regular expression too large to
/// compile. Unlike other runtime errors this one is never absorbed by
/// <c>||</c> or <c>&amp;&amp;</c>: the evaluation stops.
/// </summary>
public sealed class CelLimitExceededException : CelException
{
    /// <summary>Creates the exception for <paramref name="limitName"/>, whose configured value is <paramref name="limit"/>.</summary>
    /// <param name="limitName">The <see cref="CelLimits"/> property that was exceeded.</param>
    /// <param name="limit">Its configured value.</param>
    /// <param name="line">One-based line where the limit was hit, or 0.</param>
    /// <param name="column">One-based column, or 0.</param>
    public CelLimitExceededException(string limitName, long limit, int line, int column)
        : base(
            line > 0
                ? $"Limit exceeded at {line}:{column}: the expression goes past {limitName} = {limit}."
                : $"Limit exceeded: the expression goes past {limitName} = {limit}.",
            line,
            column)
    {
        LimitName = limitName;
        Limit = limit;
    }

    /// <summary>The <see cref="CelLimits"/> property that was exceeded, for example <c>MaxNestingDepth</c>.</summary>
    public string LimitName { get; }

    /// <summary>The configured value of that limit.</summary>
    public long Limit { get; }
}
