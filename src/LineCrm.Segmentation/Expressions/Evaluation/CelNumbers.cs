namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>Numeric helpers for CEL's int (long), uint (ulong) and double, including comparisons across them.</summary>
internal static class CelNumbers
{
    // 2^63 and 2^64 as doubles: the first doubles out of range of long and ulong.
    private const double TwoTo63 = 9_223_372_036_854_775_808.0;
    private const double TwoTo64 = 18_446_744_073_709_551_616.0;

    /// <summary>A double that is a whole number within long's range, as a long.</summary>
    public static bool TryDoubleToLong(double value, out long result)
    {
        if (value >= -TwoTo63 && value < TwoTo63 && Math.Truncate(value) == value)
        {
            result = (long)value;
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary>A double that is a whole number within ulong's range, as a ulong.</summary>
    public static bool TryDoubleToUlong(double value, out ulong result)
    {
        if (value >= 0 && value < TwoTo64 && Math.Truncate(value) == value)
        {
            result = (ulong)value;
            return true;
        }

        result = 0;
        return false;
    }

    public static bool IsNumber(object value) => value is long or ulong or double;

    /// <summary>
    /// Orders two numbers of any of the three kinds: negative, zero or positive; null when a NaN makes them
    /// unordered. int and uint compare exactly; a double against an integer compares as doubles, as cel-go does.
    /// </summary>
    public static int? Compare(object left, object right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (ulong a, ulong b) => a.CompareTo(b),
        (double a, double b) => CompareDoubles(a, b),
        (long a, ulong b) => a < 0 ? -1 : ((ulong)a).CompareTo(b),
        (ulong a, long b) => b < 0 ? 1 : a.CompareTo((ulong)b),
        (long a, double b) => CompareDoubles(a, b),
        (double a, long b) => CompareDoubles(a, b),
        (ulong a, double b) => CompareDoubles(a, b),
        (double a, ulong b) => CompareDoubles(a, b),
        _ => throw new ArgumentException("not numbers"),
    };

    private static int? CompareDoubles(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b);
}
