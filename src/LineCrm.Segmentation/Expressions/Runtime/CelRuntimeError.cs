namespace LineCrm.Segmentation.Expressions.Runtime;

/// <summary>
/// A CEL runtime error raised by compiled segment code and the segment interpreter (overflow, division by zero, a value out of range, a missing map
/// key). Compiled code throws it instead of returning error values, so the error-free path carries no error
/// checks; the logical operators catch it where the language says an error is absorbed.
/// </summary>
/// <remarks>The kinds use the names of the reference interpreter (<c>overflow</c>, <c>division_by_zero</c>...), so the two can be compared.</remarks>
internal sealed class CelRuntimeError : Exception
{
    public const string Overflow = "overflow";
    public const string DivisionByZero = "division_by_zero";
    public const string ModulusByZero = "modulus_by_zero";
    public const string Range = "range";
    public const string NoSuchKey = "no_such_key";
    public const string InvalidArgument = "invalid_argument";

    public CelRuntimeError(string kind, string message)
        : base(message) => Kind = kind;

    public CelRuntimeError()
        : this(InvalidArgument, "evaluation error")
    {
    }

    public CelRuntimeError(string message)
        : this(InvalidArgument, message)
    {
    }

    public CelRuntimeError(string message, Exception innerException)
        : base(message, innerException) => Kind = InvalidArgument;

    /// <summary>The CEL error kind, for example <c>overflow</c>.</summary>
    public string Kind { get; }
}
