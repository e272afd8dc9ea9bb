using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// CEL equality and ordering at run time. Equality is defined for all values: values of different types are
/// unequal (not an error), except numbers, which compare by value across int, uint and double; lists and maps
/// compare element by element; NaN equals nothing. Ordering is defined for numbers (across kinds), strings (by
/// code point), bytes, bools, timestamps and durations.
/// </summary>
internal static class CelEquality
{
    public static bool Equal(object left, object right)
    {
        if (CelNumbers.IsNumber(left) && CelNumbers.IsNumber(right))
        {
            return CelNumbers.Compare(left, right) == 0;
        }

        return (left, right) switch
        {
            (CelList a, CelList b) => ListsEqual(a, b),
            (CelMap a, CelMap b) => MapsEqual(a, b),
            (ICelObject a, ICelObject b) => a.Equals(b),
            (CelOptional a, CelOptional b) => a.HasValue == b.HasValue && (!a.HasValue || Equal(a.Value, b.Value)),
            _ => left.GetType() == right.GetType() && left.Equals(right),
        };
    }

    private static bool ListsEqual(CelList a, CelList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!Equal(a.Items[i], b.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(CelMap a, CelMap b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var key in a.Keys)
        {
            if (!b.TryGetValue(key, out var other) || !Equal(a[key], other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Compares two values for <c>&lt; &lt;= &gt; &gt;=</c>: the order (negative, zero, positive), null when
    /// unordered (a NaN), or false when the operator has no overload for the two types.
    /// </summary>
    public static bool TryCompare(object left, object right, out int? order)
    {
        if (CelNumbers.IsNumber(left) && CelNumbers.IsNumber(right))
        {
            order = CelNumbers.Compare(left, right);
            return true;
        }

        int? result = (left, right) switch
        {
            (string a, string b) => CodePointComparer.Compare(a, b),
            (CelBytes a, CelBytes b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (CelTimestamp a, CelTimestamp b) => a.CompareTo(b),
            (CelDuration a, CelDuration b) => a.CompareTo(b),
            _ => null,
        };
        order = result;
        return result is not null;
    }

    /// <summary>The result of a relational operator, or a no-overload error.</summary>
    public static object Relation(string function, object left, object right)
    {
        if (!TryCompare(left, right, out var order))
        {
            return CelError.NoMatchingOverload(function, [left, right]);
        }

        if (order is not { } o)
        {
            return false;
        }

        return function switch
        {
            Operators.Less => o < 0,
            Operators.LessEquals => o <= 0,
            Operators.Greater => o > 0,
            _ => o >= 0,
        };
    }
}

/// <summary>Orders strings by Unicode code point (UTF-16 ordinal order differs above the surrogate range).</summary>
internal static class CodePointComparer
{
    public static int Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they sort after U+E000..U+FFFF.
            return Weight(x).CompareTo(Weight(y));
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int Weight(char c) => char.IsSurrogate(c) ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;
}
