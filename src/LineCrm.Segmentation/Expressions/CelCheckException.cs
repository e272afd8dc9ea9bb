namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// The expression parses but does not type-check against its declarations: an undeclared variable or function,
/// no overload for the argument types, a field the object type does not have. <see cref="Errors"/> lists every
/// problem found; the exception's own position is the first one's.
/// </summary>
public sealed class CelCheckException : CelException
{
    /// <summary>Creates the exception from the problems found, first one first.</summary>
    /// <param name="errors">At least one problem.</param>
    public CelCheckException(IReadOnlyList<CelCheckError> errors)
        : base(Describe(errors), errors.Count > 0 ? errors[0].Line : 0, errors.Count > 0 ? errors[0].Column : 0)
    {
        Errors = errors;
    }

    /// <summary>Every problem the checker found, in source order.</summary>
    public IReadOnlyList<CelCheckError> Errors { get; }

    private static string Describe(IReadOnlyList<CelCheckError> errors) =>
        errors.Count switch
        {
            0 => "Type error.",
            1 => errors[0].ToString(),
            _ => $"{errors.Count} type errors: " + string.Join("; ", errors),
        };
}

/// <summary>One problem found by the CEL type checker.</summary>
/// <param name="Kind">What sort of problem it is.</param>
/// <param name="Message">The problem in words, without the position.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column in code points.</param>
public sealed record CelCheckError(CelCheckErrorKind Kind, string Message, int Line, int Column)
{
    /// <summary>The problem with its position, as <c>line:column: message</c>.</summary>
    public override string ToString() => $"{Line}:{Column}: {Message}";
}

/// <summary>The sorts of problem the CEL type checker reports.</summary>
public enum CelCheckErrorKind
{
    /// <summary>A name that is neither a declared variable, a comprehension variable nor a type.</summary>
    UndeclaredReference,

    /// <summary>A function that is not declared at all.</summary>
    UndeclaredFunction,

    /// <summary>A declared function with no overload for the argument types.</summary>
    NoMatchingOverload,

    /// <summary>A field selection on a type that has no such field, or that has no fields.</summary>
    UndefinedField,

    /// <summary>A value whose type does not fit where it is used (a condition that is not bool, mixed branches).</summary>
    TypeMismatch,

    /// <summary>An object creation for a type that is not declared or cannot be created.</summary>
    UnknownType,
}
