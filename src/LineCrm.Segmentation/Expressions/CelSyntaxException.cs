namespace LineCrm.Segmentation.Expressions;

/// <summary>The expression's text is not valid CEL: an unknown character, a bad literal, a missing token.</summary>
public sealed class CelSyntaxException : CelException
{
    /// <summary>Creates the exception for an error at <paramref name="line"/>:<paramref name="column"/>.</summary>
    /// <param name="reason">What is wrong, without the position.</param>
    /// <param name="line">One-based line.</param>
    /// <param name="column">One-based column in code points.</param>
    public CelSyntaxException(string reason, int line, int column)
        : base($"Syntax error at {line}:{column}: {reason}", line, column)
    {
        Reason = reason;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
