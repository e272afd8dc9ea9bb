namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// Evaluating the expression produced a CEL runtime error (division by zero, overflow, no such key, a failed
/// conversion, no matching overload at run time) that no <c>&amp;&amp;</c>, <c>||</c> or <c>?:</c> absorbed.
/// </summary>
public sealed class CelEvaluationException : CelException
{
    /// <summary>Creates the exception for a runtime error raised at <paramref name="line"/>:<paramref name="column"/>.</summary>
    /// <param name="kind">The CEL error kind, for example <c>division_by_zero</c>.</param>
    /// <param name="reason">What went wrong, without the position.</param>
    /// <param name="line">One-based line, or 0.</param>
    /// <param name="column">One-based column, or 0.</param>
    public CelEvaluationException(string kind, string reason, int line, int column)
        : base(line > 0 ? $"Evaluation error at {line}:{column}: {reason}" : $"Evaluation error: {reason}", line, column)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>The CEL error kind, for example <c>division_by_zero</c>, <c>overflow</c> or <c>no_such_key</c>.</summary>
    public string Kind { get; }

    /// <summary>What went wrong, without the position.</summary>
    public string Reason { get; }
}
