using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Segments.Runtime;

/// <summary>
/// The vectorised half of compiled predicates: each kernel narrows a candidate bitset (bit <c>i</c> of word
/// <c>i / 64</c> for row <c>i</c>) by one column test, 64 rows per word, with 256-bit SIMD compares where the
/// hardware has them. Words with no candidate left are skipped, so later tests cost less.
/// </summary>
/// <remarks>
/// Columns may be shorter than the rows covered by the words (a column that was never written past some row):
/// missing entries read as <c>default(T)</c>, which is what an unwritten entry holds.
/// </remarks>
internal static class ColumnKernels
{
    /// <summary>Keeps the candidates whose <paramref name="column"/> value satisfies <c>value op constant</c>.</summary>
    public static void And<T>(ulong[] candidates, int wordFrom, int wordTo, T[] column, Comparison op, T constant)
        where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case Comparison.Equal:
                Run<T, EqualOp>(candidates, wordFrom, wordTo, column, constant);
                break;
            case Comparison.NotEqual:
                Run<T, NotEqualOp>(candidates, wordFrom, wordTo, column, constant);
                break;
            case Comparison.Less:
                Run<T, LessOp>(candidates, wordFrom, wordTo, column, constant);
                break;
            case Comparison.LessOrEqual:
                Run<T, LessOrEqualOp>(candidates, wordFrom, wordTo, column, constant);
                break;
            case Comparison.Greater:
                Run<T, GreaterOp>(candidates, wordFrom, wordTo, column, constant);
                break;
            default:
                Run<T, GreaterOrEqualOp>(candidates, wordFrom, wordTo, column, constant);
                break;
        }
    }

    /// <summary>Keeps the candidates whose bit in <paramref name="bits"/> is set (or clear, with <paramref name="negate"/>).</summary>
    public static void AndBits(ulong[] candidates, int wordFrom, int wordTo, ulong[] bits, bool negate)
    {
        for (var w = wordFrom; w < wordTo; w++)
        {
            var word = w < bits.Length ? bits[w] : 0UL;
            candidates[w] &= negate ? ~word : word;
        }
    }

    /// <summary>Keeps the candidates whose <paramref name="column"/> value shares a bit with <paramref name="mask"/>.</summary>
    public static void AndAnyBit(ulong[] candidates, int wordFrom, int wordTo, int[] column, int mask)
    {
        var splat = Vector256.Create(mask);
        for (var w = wordFrom; w < wordTo; w++)
        {
            var c = candidates[w];
            if (c == 0)
            {
                continue;
            }

            var row = w << 6;
            ulong bits = 0;
            if (Vector256.IsHardwareAccelerated && row + 64 <= column.Length)
            {
                ref var start = ref MemoryMarshal.GetArrayDataReference(column);
                for (var k = 0; k < 64; k += Vector256<int>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)(row + k)) & splat;
                    bits |= (ulong)(~Vector256.Equals(v, Vector256<int>.Zero)).ExtractMostSignificantBits() << k;
                }
            }
            else
            {
                for (var k = 0; k < 64; k++)
                {
                    var value = row + k < column.Length ? column[row + k] : 0;
                    bits |= (value & mask) != 0 ? 1UL << k : 0;
                }
            }

            candidates[w] = c & bits;
        }
    }

    private static void Run<T, TOp>(ulong[] candidates, int wordFrom, int wordTo, T[] column, T constant)
        where T : unmanaged, INumber<T>
        where TOp : struct, IComparisonOp
    {
        var splat = Vector256.Create(constant);
        var lanes = Vector256<T>.Count;
        ref var start = ref MemoryMarshal.GetArrayDataReference(column);
        for (var w = wordFrom; w < wordTo; w++)
        {
            var c = candidates[w];
            if (c == 0)
            {
                continue;
            }

            var row = w << 6;
            ulong bits = 0;
            if (Vector256.IsHardwareAccelerated && row + 64 <= column.Length)
            {
                for (var k = 0; k < 64; k += lanes)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)(row + k));
                    bits |= (ulong)TOp.Vector(v, splat).ExtractMostSignificantBits() << k;
                }
            }
            else
            {
                for (var k = 0; k < 64; k++)
                {
                    var value = row + k < column.Length ? column[row + k] : default;
                    bits |= TOp.Scalar(value, constant) ? 1UL << k : 0;
                }
            }

            candidates[w] = c & bits;
        }
    }

    private interface IComparisonOp
    {
        static abstract Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b);

        static abstract bool Scalar<T>(T a, T b)
            where T : INumber<T>;
    }

    private readonly struct EqualOp : IComparisonOp
    {
        public static Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b) => Vector256.Equals(a, b);

        public static bool Scalar<T>(T a, T b)
            where T : INumber<T> => a == b;
    }

    private readonly struct NotEqualOp : IComparisonOp
    {
        public static Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b) => ~Vector256.Equals(a, b);

        public static bool Scalar<T>(T a, T b)
            where T : INumber<T> => a != b;
    }

    private readonly struct LessOp : IComparisonOp
    {
        public static Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b) => Vector256.LessThan(a, b);

        public static bool Scalar<T>(T a, T b)
            where T : INumber<T> => a < b;
    }

    private readonly struct LessOrEqualOp : IComparisonOp
    {
        public static Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b) => Vector256.LessThanOrEqual(a, b);

        public static bool Scalar<T>(T a, T b)
            where T : INumber<T> => a <= b;
    }

    private readonly struct GreaterOp : IComparisonOp
    {
        public static Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThan(a, b);

        public static bool Scalar<T>(T a, T b)
            where T : INumber<T> => a > b;
    }

    private readonly struct GreaterOrEqualOp : IComparisonOp
    {
        public static Vector256<T> Vector<T>(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThanOrEqual(a, b);

        public static bool Scalar<T>(T a, T b)
            where T : INumber<T> => a >= b;
    }
}
