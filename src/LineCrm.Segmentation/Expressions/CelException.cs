namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// The base of every error the CEL engine reports for an expression: a syntax error, a type error, a failed
/// evaluation or an exceeded safety limit. <see cref="Line"/> and <see cref="Column"/> point into the expression's
/// text (both one-based; the column counts Unicode code points) when the error has a place, and are 0 when not.
/// </summary>
public abstract class CelException : Exception
{
    /// <summary>Creates the exception with a message that already names the place.</summary>
    /// <param name="message">What went wrong, with <c>line:column</c> when known.</param>
    /// <param name="line">One-based line in the expression, or 0.</param>
    /// <param name="column">One-based column (in code points), or 0.</param>
    protected CelException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>One-based line of the error in the expression's text, or 0 when the error has no place.</summary>
    public int Line { get; }

    /// <summary>One-based column (in Unicode code points) of the error, or 0 when the error has no place.</summary>
    public int Column { get; }
}
