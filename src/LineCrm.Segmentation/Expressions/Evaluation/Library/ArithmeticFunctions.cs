namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// The arithmetic operators. Integer results that do not fit 64 bits, division and modulus by zero, and
/// timestamps or durations out of their ranges are CEL errors; doubles follow IEEE 754 (1.0 / 0.0 is infinity).
/// </summary>
internal static class ArithmeticFunctions
{
    public static object AddInt(long a, long b)
    {
        var result = unchecked(a + b);
        return ((a ^ result) & (b ^ result)) < 0 ? CelError.Overflow("int addition") : result;
    }

    public static object SubtractInt(long a, long b)
    {
        var result = unchecked(a - b);
        return ((a ^ b) & (a ^ result)) < 0 ? CelError.Overflow("int subtraction") : result;
    }

    public static object MultiplyInt(long a, long b)
    {
        var high = Math.BigMul(a, b, out var low);
        return high != (low >> 63) ? CelError.Overflow("int multiplication") : low;
    }

    public static object DivideInt(long a, long b) => b switch
    {
        0 => CelError.DivisionByZero(),
        -1 when a == long.MinValue => CelError.Overflow("int division"),
        _ => a / b,
    };

    public static object ModuloInt(long a, long b) => b switch
    {
        0 => CelError.ModulusByZero(),
        -1 when a == long.MinValue => CelError.Overflow("int modulus"),
        _ => a % b,
    };

    public static object NegateInt(long a) => a == long.MinValue ? CelError.Overflow("int negation") : -a;

    public static object AddUint(ulong a, ulong b)
    {
        var result = unchecked(a + b);
        return result < a ? CelError.Overflow("uint addition") : result;
    }

    public static object SubtractUint(ulong a, ulong b) => b > a ? CelError.Overflow("uint subtraction") : a - b;

    public static object MultiplyUint(ulong a, ulong b)
    {
        var high = Math.BigMul(a, b, out var low);
        return high != 0 ? CelError.Overflow("uint multiplication") : low;
    }

    public static object DivideUint(ulong a, ulong b) => b == 0 ? CelError.DivisionByZero() : a / b;

    public static object ModuloUint(ulong a, ulong b) => b == 0 ? CelError.ModulusByZero() : a % b;

    public static object AddDurations(CelDuration a, CelDuration b)
    {
        var result = unchecked(a.Nanoseconds + b.Nanoseconds);
        return ((a.Nanoseconds ^ result) & (b.Nanoseconds ^ result)) < 0 ? CelError.Range("duration") : new CelDuration(result);
    }

    public static object SubtractDurations(CelDuration a, CelDuration b)
    {
        var result = unchecked(a.Nanoseconds - b.Nanoseconds);
        return ((a.Nanoseconds ^ b.Nanoseconds) & (a.Nanoseconds ^ result)) < 0 ? CelError.Range("duration") : new CelDuration(result);
    }

    public static object AddToTimestamp(CelTimestamp timestamp, Int128 nanoseconds)
    {
        var seconds = (Int128)timestamp.Seconds + (nanoseconds / CelDuration.NanosPerSecond);
        var nanos = timestamp.Nanos + (long)(nanoseconds % CelDuration.NanosPerSecond);
        return seconds < CelTimestamp.MinSeconds - 1 || seconds > CelTimestamp.MaxSeconds + 1
            ? CelError.Range("timestamp")
            : CelTimestamp.Create((long)seconds, nanos);
    }

    public static object SubtractTimestamps(CelTimestamp a, CelTimestamp b)
    {
        var nanoseconds = ((Int128)(a.Seconds - b.Seconds) * CelDuration.NanosPerSecond) + (a.Nanos - b.Nanos);
        return nanoseconds < long.MinValue || nanoseconds > long.MaxValue
            ? CelError.Range("duration")
            : new CelDuration((long)nanoseconds);
    }

    public static string Concatenate(string a, string b, CelCostBudget budget)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == 0 ? b : a;
        }

        budget.ChargeString((long)a.Length + b.Length);
        return string.Concat(a, b);
    }

    public static CelList Concatenate(CelList a, CelList b, CelCostBudget budget)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        budget.ChargeList((long)a.Count + b.Count);

        var items = new object[a.Count + b.Count];
        for (var i = 0; i < a.Count; i++)
        {
            items[i] = a.Items[i];
        }

        for (var i = 0; i < b.Count; i++)
        {
            items[a.Count + i] = b.Items[i];
        }

        return new CelList(items);
    }

    public static CelBytes Concatenate(CelBytes a, CelBytes b, CelCostBudget budget)
    {
        budget.ChargeBytes((long)a.Length + b.Length);
        return new(a.Bytes.AddRange(b.Bytes));
    }
}
