using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// The .NET implementation of a function overload. It receives the evaluated arguments as CEL runtime values
/// (long, ulong, double, bool, string and the types in <c>Evaluation</c>; for a receiver call the receiver
/// first) and returns a CEL value, or a <c>CelError</c> to raise a CEL runtime error. It must not block, do
/// I/O or keep state between calls: expressions are pure.
/// </summary>
internal delegate object CelFunctionImplementation(ReadOnlySpan<object> arguments);

/// <summary>
/// An implementation that charges the evaluation's <see cref="Evaluation.CelCostBudget"/> itself, before it
/// allocates (for example <c>budget.ChargeString(length)</c> ahead of building a string of that length). Use it
/// for functions whose result can be much larger than their arguments; the interpreter charges the result of
/// every other function after the call.
/// </summary>
internal delegate object CelBudgetedFunctionImplementation(ReadOnlySpan<object> arguments, Evaluation.CelCostBudget budget);

/// <summary>
/// One overload of a function: its parameter types (type parameters such as <c>A</c> make it generic), its
/// result type, whether it is called as a receiver (<c>x.f(y)</c>) or globally (<c>f(x, y)</c>), and its
/// implementation.
/// </summary>
/// <param name="Id">Unique among all overloads of the environment, e.g. <c>add_int64</c>.</param>
/// <param name="Parameters">Parameter types; for a receiver overload the receiver's type first.</param>
/// <param name="Result">The result type.</param>
/// <param name="IsReceiver">True for <c>x.f(y)</c> style, false for <c>f(x, y)</c>.</param>
/// <param name="Implementation">The .NET code; null for a declaration that only type-checks.</param>
internal sealed record FunctionOverload(
    string Id,
    ImmutableArray<CelType> Parameters,
    CelType Result,
    bool IsReceiver,
    CelFunctionImplementation? Implementation)
{
    /// <summary>
    /// The implementation that charges the cost budget itself; when set, it runs instead of
    /// <see cref="Implementation"/> and its result is not charged again.
    /// </summary>
    public CelBudgetedFunctionImplementation? BudgetedImplementation { get; init; }

    /// <summary>Whether the overload can run (it has either implementation), rather than only type-check.</summary>
    public bool IsImplemented => Implementation is not null || BudgetedImplementation is not null;

    public static FunctionOverload Global(string id, CelType[] parameters, CelType result, CelFunctionImplementation implementation) =>
        new(id, [.. parameters], result, IsReceiver: false, implementation);

    public static FunctionOverload Receiver(string id, CelType[] parameters, CelType result, CelFunctionImplementation implementation) =>
        new(id, [.. parameters], result, IsReceiver: true, implementation);

    /// <summary>A global overload whose implementation charges the budget itself.</summary>
    public static FunctionOverload Global(string id, CelType[] parameters, CelType result, CelBudgetedFunctionImplementation implementation) =>
        new(id, [.. parameters], result, IsReceiver: false, null) { BudgetedImplementation = implementation };

    /// <summary>A receiver overload whose implementation charges the budget itself.</summary>
    public static FunctionOverload Receiver(string id, CelType[] parameters, CelType result, CelBudgetedFunctionImplementation implementation) =>
        new(id, [.. parameters], result, IsReceiver: true, null) { BudgetedImplementation = implementation };

    /// <summary>True when a parameter or the result mentions a type parameter.</summary>
    public bool IsGeneric => Parameters.Any(MentionsTypeParam) || MentionsTypeParam(Result);

    private static bool MentionsTypeParam(CelType type) =>
        type.Kind == CelTypeKind.TypeParam || type.Parameters.Any(MentionsTypeParam);

    public override string ToString() =>
        IsReceiver
            ? $"{Parameters[0]}.{Id}({string.Join(", ", Parameters.Skip(1))}) -> {Result}"
            : $"{Id}({string.Join(", ", Parameters)}) -> {Result}";
}

/// <summary>A function: a name and its overloads, for the checker to resolve and the interpreter to call.</summary>
internal sealed record FunctionDeclaration(string Name, ImmutableArray<FunctionOverload> Overloads)
{
    /// <summary>This function with <paramref name="more"/> overloads added (their ids must be new).</summary>
    public FunctionDeclaration With(IEnumerable<FunctionOverload> more)
    {
        var all = Overloads.AddRange(more);
        var duplicate = all.GroupBy(o => o.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Function '{Name}' has two overloads with the id '{duplicate.Key}'.", nameof(more));
        }

        return this with { Overloads = all };
    }
}
