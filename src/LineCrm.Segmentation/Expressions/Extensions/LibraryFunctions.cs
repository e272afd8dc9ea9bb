using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>Charges a function's result to the budget before the function builds it; throws <see cref="CelLimitExceededException"/> when it does not fit.</summary>
internal delegate void CelChargeAhead(ReadOnlySpan<object> arguments, CelCostBudget budget);

/// <summary>
/// Helpers the extension libraries declare their overloads with. Their typed functions throw
/// <see cref="CelRuntimeError"/> (so compiled segment code can call them directly); for the interpreter each
/// implementation is wrapped to turn that into a CEL error value.
/// </summary>
internal static class LibraryFunctions
{
    public static FunctionOverload Global(string id, CelType[] parameters, CelType result, CelFunctionImplementation implementation) =>
        FunctionOverload.Global(id, parameters, result, Guarded(implementation));

    public static FunctionOverload Receiver(string id, CelType[] parameters, CelType result, CelFunctionImplementation implementation) =>
        FunctionOverload.Receiver(id, parameters, result, Guarded(implementation));

    /// <summary>
    /// An overload whose result can be much larger than its arguments: <paramref name="charge"/> charges the
    /// evaluation's budget for the result before <paramref name="implementation"/> builds it, and the result is not
    /// charged again.
    /// </summary>
    public static FunctionOverload Global(string id, CelType[] parameters, CelType result, CelChargeAhead charge, CelFunctionImplementation implementation) =>
        FunctionOverload.Global(id, parameters, result, ChargedAhead(charge, implementation));

    /// <inheritdoc cref="Global(string, CelType[], CelType, CelChargeAhead, CelFunctionImplementation)"/>
    public static FunctionOverload Receiver(string id, CelType[] parameters, CelType result, CelChargeAhead charge, CelFunctionImplementation implementation) =>
        FunctionOverload.Receiver(id, parameters, result, ChargedAhead(charge, implementation));

    /// <summary>The error value for a runtime error raised by a typed function.</summary>
    public static CelError ToCelError(CelRuntimeError error) => new(error.Kind, error.Message);

    private static CelBudgetedFunctionImplementation ChargedAhead(CelChargeAhead charge, CelFunctionImplementation implementation)
    {
        var guarded = Guarded(implementation);
        return (arguments, budget) =>
        {
            // A CelLimitExceededException from the charge is not a CEL error value: it ends the evaluation.
            charge(arguments, budget);
            return guarded(arguments);
        };
    }

    private static CelFunctionImplementation Guarded(CelFunctionImplementation implementation) => arguments =>
    {
        try
        {
            return implementation(arguments);
        }
        catch (CelRuntimeError error)
        {
            return ToCelError(error);
        }
    };
}
