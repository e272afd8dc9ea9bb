namespace LineCrm.Segmentation.Expressions.Runtime;

/// <summary>
/// CEL's int arithmetic for compiled code: 64-bit, with overflow, division by zero and modulus by zero as errors
/// (never wrapping, never a .NET exception of another type).
/// </summary>
internal static class CelIntegers
{
    public static long Add(long a, long b)
    {
        var sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? throw Overflow("+") : sum;
    }

    public static long Subtract(long a, long b)
    {
        var difference = unchecked(a - b);
        return ((a ^ b) & (a ^ difference)) < 0 ? throw Overflow("-") : difference;
    }

    public static long Multiply(long a, long b)
    {
        var product = unchecked(a * b);
        var high = Math.BigMul(a, b, out var low);
        return high != (low >> 63) ? throw Overflow("*") : product;
    }

    public static long Divide(long a, long b) => b switch
    {
        0 => throw new CelRuntimeError(CelRuntimeError.DivisionByZero, "division by zero"),
        -1 when a == long.MinValue => throw Overflow("/"),
        _ => a / b,
    };

    public static long Modulo(long a, long b) => b switch
    {
        0 => throw new CelRuntimeError(CelRuntimeError.ModulusByZero, "modulus by zero"),
        -1 when a == long.MinValue => throw Overflow("%"),
        _ => a % b,
    };

    public static long Negate(long a) => a == long.MinValue ? throw Overflow("-") : -a;

    /// <summary>
    /// CEL's <c>int(double)</c>: truncates toward zero; NaN and values at or beyond ±2^63 are range errors (both
    /// bounds excluded, as cel-go does).
    /// </summary>
    public static long FromDouble(double value) =>
        double.IsNaN(value) || value <= -9.2233720368547758E18 || value >= 9.2233720368547758E18
            ? throw new CelRuntimeError(CelRuntimeError.Range, $"int({value}) is out of range")
            : (long)value;

    private static CelRuntimeError Overflow(string op) =>
        new(CelRuntimeError.Overflow, $"integer overflow in {op}");
}
