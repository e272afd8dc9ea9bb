using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// The functions of the math extension that are more than one .NET call, typed and throwing
/// <see cref="CelRuntimeError"/> so compiled segment code calls them directly.
/// </summary>
internal static class MathFunctions
{
    /// <summary>The greatest (or least) of a list of numbers of any kinds, compared by value; the first of equals.</summary>
    public static object Extremum(CelList values, bool greatest)
    {
        if (values.Count == 0)
        {
            throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"math.{(greatest ? "greatest" : "least")}() of an empty list");
        }

        var best = values.Items[0];
        foreach (var value in values.Items)
        {
            if (!CelNumbers.IsNumber(value))
            {
                throw new CelRuntimeError(CelRuntimeError.InvalidArgument, $"no such overload: math.{(greatest ? "greatest" : "least")}() of a {CelValueTypes.TypeName(value)}");
            }

            if (CelNumbers.Compare(value, best) is { } order && (greatest ? order > 0 : order < 0))
            {
                best = value;
            }
        }

        return best;
    }

    public static long Greatest(long a, long b) => Math.Max(a, b);

    public static long Least(long a, long b) => Math.Min(a, b);

    // As Extremum folds a list: the first of equals is kept, and a NaN (unordered) replaces nothing and is
    // replaced by nothing.
    public static double Greatest(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || !(b > a) ? a : b;

    public static double Least(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || !(b < a) ? a : b;

    /// <summary>Rounds half away from zero, as Go's math.Round.</summary>
    public static double Round(double value) => Math.Round(value, MidpointRounding.AwayFromZero);

    public static long Abs(long value) =>
        value == long.MinValue ? throw new CelRuntimeError(CelRuntimeError.Overflow, "math.abs() overflows (range error)") : Math.Abs(value);

    public static double Sign(double value) => double.IsNaN(value) || value == 0 ? value : Math.Sign(value);

    public static long Sign(long value) => Math.Sign(value);

    public static double Sqrt(long value) => Math.Sqrt(value);

    public static long BitAnd(long a, long b) => a & b;

    public static long BitOr(long a, long b) => a | b;

    public static long BitXor(long a, long b) => a ^ b;

    public static long BitNot(long value) => ~value;

    public static long ShiftLeft(long value, long offset) => offset switch
    {
        < 0 => throw NegativeOffset("math.bitShiftLeft", offset),
        > 63 => 0,
        _ => value << (int)offset,
    };

    public static ulong ShiftLeft(ulong value, long offset) => offset switch
    {
        < 0 => throw NegativeOffset("math.bitShiftLeft", offset),
        > 63 => 0,
        _ => value << (int)offset,
    };

    /// <summary>A logical shift: the sign bit moves right too, as in cel-go.</summary>
    public static long ShiftRight(long value, long offset) => offset switch
    {
        < 0 => throw NegativeOffset("math.bitShiftRight", offset),
        > 63 => 0,
        _ => (long)((ulong)value >> (int)offset),
    };

    public static ulong ShiftRight(ulong value, long offset) => offset switch
    {
        < 0 => throw NegativeOffset("math.bitShiftRight", offset),
        > 63 => 0,
        _ => value >> (int)offset,
    };

    private static CelRuntimeError NegativeOffset(string function, long offset) =>
        new(CelRuntimeError.InvalidArgument, $"{function}() negative offset: {offset}");
}
