using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Compilation;
using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Expressions.Extensions;

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

    /// <summary>The error value for a runtime error raised by a typed function.</summary>
    public static CelError ToCelError(CelRuntimeError error) => new(error.Kind, error.Message);

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
