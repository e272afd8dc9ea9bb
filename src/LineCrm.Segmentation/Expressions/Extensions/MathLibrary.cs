using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Syntax;
using static LineCrm.Segmentation.Expressions.Extensions.LibraryFunctions;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The math extension (cel-go <c>ext.Math</c>); the functions are in <see cref="MathFunctions"/>.
/// <c>math.greatest(a, b, c)</c> and <c>math.least</c> are macros, as in cel-go: two or more arguments become one
/// call of the function of the same name on a list of them, so a call over ints is typed int.
/// </summary>
internal sealed class MathLibrary : ICelLibrary
{
    public const string Max = "math.greatest";
    public const string Min = "math.least";

    private static readonly CelType I = CelType.Int;
    private static readonly CelType U = CelType.Uint;
    private static readonly CelType D = CelType.Double;
    private static readonly CelType Bo = CelType.Bool;

    public string Name => "cel.lib.ext.math";

    public CelEnvironment Configure(CelEnvironment environment) => environment
        .WithMacro(new CelMacro("math.greatest", CelMacro.AnyArgumentCount, IsReceiver: false, (f, call) => Extremum(f, call, Max)))
        .WithMacro(new CelMacro("math.least", CelMacro.AnyArgumentCount, IsReceiver: false, (f, call) => Extremum(f, call, Min)))
        .WithFunction(Max, Extrema("greatest", greatest: true))
        .WithFunction(Min, Extrema("least", greatest: false))
        .WithFunction("math.ceil", Global("math_ceil_double", [D], D, a => Math.Ceiling((double)a[0])))
        .WithFunction("math.floor", Global("math_floor_double", [D], D, a => Math.Floor((double)a[0])))
        .WithFunction("math.round", Global("math_round_double", [D], D, a => MathFunctions.Round((double)a[0])))
        .WithFunction("math.trunc", Global("math_trunc_double", [D], D, a => Math.Truncate((double)a[0])))
        .WithFunction(
            "math.abs",
            Global("math_abs_int", [I], I, a => MathFunctions.Abs((long)a[0])),
            Global("math_abs_uint", [U], U, a => a[0]),
            Global("math_abs_double", [D], D, a => Math.Abs((double)a[0])))
        .WithFunction(
            "math.sign",
            Global("math_sign_int", [I], I, a => MathFunctions.Sign((long)a[0])),
            Global("math_sign_uint", [U], U, a => (ulong)a[0] == 0 ? 0UL : 1UL),
            Global("math_sign_double", [D], D, a => MathFunctions.Sign((double)a[0])))
        .WithFunction("math.isNaN", Global("math_isNaN_double", [D], Bo, a => double.IsNaN((double)a[0])))
        .WithFunction("math.isInf", Global("math_isInf_double", [D], Bo, a => double.IsInfinity((double)a[0])))
        .WithFunction("math.isFinite", Global("math_isFinite_double", [D], Bo, a => double.IsFinite((double)a[0])))
        .WithFunction(
            "math.sqrt",
            Global("math_sqrt_int", [I], D, a => MathFunctions.Sqrt((long)a[0])),
            Global("math_sqrt_uint", [U], D, a => Math.Sqrt((ulong)a[0])),
            Global("math_sqrt_double", [D], D, a => Math.Sqrt((double)a[0])))
        .WithFunction(
            "math.bitAnd",
            Global("math_bitAnd_int_int", [I, I], I, a => MathFunctions.BitAnd((long)a[0], (long)a[1])),
            Global("math_bitAnd_uint_uint", [U, U], U, a => (ulong)a[0] & (ulong)a[1]))
        .WithFunction(
            "math.bitOr",
            Global("math_bitOr_int_int", [I, I], I, a => MathFunctions.BitOr((long)a[0], (long)a[1])),
            Global("math_bitOr_uint_uint", [U, U], U, a => (ulong)a[0] | (ulong)a[1]))
        .WithFunction(
            "math.bitXor",
            Global("math_bitXor_int_int", [I, I], I, a => MathFunctions.BitXor((long)a[0], (long)a[1])),
            Global("math_bitXor_uint_uint", [U, U], U, a => (ulong)a[0] ^ (ulong)a[1]))
        .WithFunction(
            "math.bitNot",
            Global("math_bitNot_int", [I], I, a => MathFunctions.BitNot((long)a[0])),
            Global("math_bitNot_uint", [U], U, a => ~(ulong)a[0]))
        .WithFunction(
            "math.bitShiftLeft",
            Global("math_bitShiftLeft_int_int", [I, I], I, a => MathFunctions.ShiftLeft((long)a[0], (long)a[1])),
            Global("math_bitShiftLeft_uint_int", [U, I], U, a => MathFunctions.ShiftLeft((ulong)a[0], (long)a[1])))
        .WithFunction(
            "math.bitShiftRight",
            Global("math_bitShiftRight_int_int", [I, I], I, a => MathFunctions.ShiftRight((long)a[0], (long)a[1])),
            Global("math_bitShiftRight_uint_int", [U, I], U, a => MathFunctions.ShiftRight((ulong)a[0], (long)a[1])));

    private static Expr Extremum(MacroFactory factory, MacroCall call, string name)
    {
        if (call.Args.Length == 0)
        {
            throw factory.Error(call.Offset, $"{name}() needs at least one argument");
        }

        foreach (var argument in call.Args)
        {
            if (argument is LiteralExpr { Kind: not (LiteralKind.Int or LiteralKind.Uint or LiteralKind.Double) } || argument is MapExpr)
            {
                throw factory.Error(argument.Offset, $"{name}() takes numbers, or one list of numbers");
            }
        }

        var operand = call.Args.Length == 1 ? call.Args[0] : factory.List(call.Offset, [.. call.Args]);
        return factory.Call(call.Offset, null, name, operand);
    }

    // One implementation behind every overload: with dyn arguments several overloads match, and whichever
    // runs must handle any numbers.
    private static FunctionOverload[] Extrema(string id, bool greatest)
    {
        CelFunctionImplementation scalar = a => a[0];
        CelFunctionImplementation list = a => MathFunctions.Extremum((CelList)a[0], greatest);
        return
        [
            Global($"math_{id}_int", [I], I, scalar),
            Global($"math_{id}_uint", [U], U, scalar),
            Global($"math_{id}_double", [D], D, scalar),
            Global($"math_{id}_list_int", [CelType.List(I)], I, list),
            Global($"math_{id}_list_uint", [CelType.List(U)], U, list),
            Global($"math_{id}_list_double", [CelType.List(D)], D, list),
        ];
    }
}
