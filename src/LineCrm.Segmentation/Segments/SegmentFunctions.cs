using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Segments;

/// <summary>A library function compiled code calls directly: the typed .NET method behind a CEL overload.</summary>
/// <param name="Name">The CEL function name, for messages and printing.</param>
/// <param name="Method">A static method over long, double, bool and string; it throws <c>CelRuntimeError</c> on a CEL error.</param>
/// <param name="Result">The result type.</param>
/// <param name="MayFail">Whether it can raise a CEL error.</param>
/// <param name="IsReceiver">Whether CEL calls it as <c>x.f(...)</c>.</param>
/// <param name="TakesResultLimit">
/// Whether its result can be much longer than its arguments, so that <see cref="Method"/> takes one more, last
/// argument: the most UTF-16 characters the result may have under <see cref="Expressions.CelLimits.MaxAllocationBytes"/>.
/// </param>
internal sealed record SegmentFunction(string Name, MethodInfo Method, SegmentType Result, bool MayFail, bool IsReceiver, bool TakesResultLimit = false);

/// <summary>
/// The extension functions the segment compiler covers: the strings and math functions over the types a segment
/// has in columns (string, int, double, bool), each the same .NET method the CEL interpreter's overload calls.
/// Anything else (split, join, format, uint and list arguments, greatest over mixed kinds) stays on the interpreter.
/// </summary>
internal static class SegmentFunctions
{
    private const SegmentType S = SegmentType.String;
    private const SegmentType I = SegmentType.Int;
    private const SegmentType D = SegmentType.Double;
    private const SegmentType B = SegmentType.Bool;

    private static readonly Dictionary<string, SegmentFunction> ByKey = Build();

    /// <summary>The compiled function for a call with these argument types (the receiver first), or null.</summary>
    public static SegmentFunction? Find(string name, bool receiver, IReadOnlyList<SegmentType> arguments) =>
        ByKey.GetValueOrDefault(Key(name, receiver, arguments));

    /// <summary><c>math.greatest</c> (or <c>least</c>) of two values of one type, to fold a list of them.</summary>
    public static SegmentFunction? Extremum(bool greatest, SegmentType type) =>
        Find(greatest ? MathLibrary.Max : MathLibrary.Min, receiver: false, [type, type]);

    private static string Key(string name, bool receiver, IEnumerable<SegmentType> arguments) =>
        (receiver ? "." : string.Empty) + name + "(" + string.Join(",", arguments) + ")";

    private static Dictionary<string, SegmentFunction> Build()
    {
        var functions = new Dictionary<string, SegmentFunction>(StringComparer.Ordinal);
        void Add(string name, bool receiver, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type, string method, SegmentType result, bool mayFail, params SegmentType[] arguments) =>
            AddMethod(name, receiver, type, method, result, mayFail, limited: false, arguments);

        // A function whose result can outgrow its arguments: its method takes the result's limit last.
        void AddLimited(string name, bool receiver, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type, string method, SegmentType result, params SegmentType[] arguments) =>
            AddMethod(name, receiver, type, method, result, mayFail: false, limited: true, arguments);

        void AddMethod(string name, bool receiver, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type, string method, SegmentType result, bool mayFail, bool limited, SegmentType[] arguments)
        {
            var parameters = arguments.Select(ClrType).Concat(limited ? [typeof(long)] : []).ToArray();
            var info = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, parameters)
                ?? throw new MissingMethodException(type.Name, method);
            functions.Add(Key(name, receiver, arguments), new SegmentFunction(name, info, result, mayFail, receiver, limited));
        }

        var strings = typeof(StringsFunctions);
        Add("charAt", true, strings, nameof(StringsFunctions.CharAt), S, true, S, I);
        Add("indexOf", true, strings, nameof(StringsFunctions.IndexOf), I, false, S, S);
        Add("indexOf", true, strings, nameof(StringsFunctions.IndexOf), I, true, S, S, I);
        Add("lastIndexOf", true, strings, nameof(StringsFunctions.LastIndexOf), I, false, S, S);
        Add("lastIndexOf", true, strings, nameof(StringsFunctions.LastIndexOf), I, true, S, S, I);
        Add("lowerAscii", true, strings, nameof(StringsFunctions.LowerAscii), S, false, S);
        Add("upperAscii", true, strings, nameof(StringsFunctions.UpperAscii), S, false, S);
        AddLimited("replace", true, typeof(SegmentCodeHelpers), nameof(SegmentCodeHelpers.Replace), S, S, S, S);
        AddLimited("replace", true, typeof(SegmentCodeHelpers), nameof(SegmentCodeHelpers.Replace), S, S, S, S, I);
        Add("substring", true, strings, nameof(StringsFunctions.Substring), S, true, S, I);
        Add("substring", true, strings, nameof(StringsFunctions.Substring), S, true, S, I, I);
        Add("trim", true, strings, nameof(StringsFunctions.Trim), S, false, S);
        Add("reverse", true, strings, nameof(StringsFunctions.Reverse), S, false, S);
        Add("strings.quote", false, strings, nameof(StringsFunctions.Quote), S, false, S);

        var math = typeof(MathFunctions);
        Add(MathLibrary.Max, false, math, nameof(MathFunctions.Greatest), I, false, I, I);
        Add(MathLibrary.Max, false, math, nameof(MathFunctions.Greatest), D, false, D, D);
        Add(MathLibrary.Min, false, math, nameof(MathFunctions.Least), I, false, I, I);
        Add(MathLibrary.Min, false, math, nameof(MathFunctions.Least), D, false, D, D);
        Add("math.ceil", false, typeof(Math), nameof(Math.Ceiling), D, false, D);
        Add("math.floor", false, typeof(Math), nameof(Math.Floor), D, false, D);
        Add("math.round", false, math, nameof(MathFunctions.Round), D, false, D);
        Add("math.trunc", false, typeof(Math), nameof(Math.Truncate), D, false, D);
        Add("math.abs", false, math, nameof(MathFunctions.Abs), I, true, I);
        Add("math.abs", false, typeof(Math), nameof(Math.Abs), D, false, D);
        Add("math.sign", false, math, nameof(MathFunctions.Sign), I, false, I);
        Add("math.sign", false, math, nameof(MathFunctions.Sign), D, false, D);
        Add("math.isNaN", false, typeof(double), nameof(double.IsNaN), B, false, D);
        Add("math.isInf", false, typeof(double), nameof(double.IsInfinity), B, false, D);
        Add("math.isFinite", false, typeof(double), nameof(double.IsFinite), B, false, D);
        Add("math.sqrt", false, math, nameof(MathFunctions.Sqrt), D, false, I);
        Add("math.sqrt", false, typeof(Math), nameof(Math.Sqrt), D, false, D);
        Add("math.bitAnd", false, math, nameof(MathFunctions.BitAnd), I, false, I, I);
        Add("math.bitOr", false, math, nameof(MathFunctions.BitOr), I, false, I, I);
        Add("math.bitXor", false, math, nameof(MathFunctions.BitXor), I, false, I, I);
        Add("math.bitNot", false, math, nameof(MathFunctions.BitNot), I, false, I);
        Add("math.bitShiftLeft", false, math, nameof(MathFunctions.ShiftLeft), I, true, I, I);
        Add("math.bitShiftRight", false, math, nameof(MathFunctions.ShiftRight), I, true, I, I);
        return functions;
    }

    private static Type ClrType(SegmentType type) => type switch
    {
        SegmentType.Bool => typeof(bool),
        SegmentType.Double => typeof(double),
        SegmentType.String => typeof(string),
        _ => typeof(long),
    };
}
