using System.Collections;
using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>Turns plain .NET values into CEL values, for activations and host functions.</summary>
internal static class CelValueConverter
{
    /// <summary>
    /// null to CEL null; integers to int (signed) or uint (unsigned); float, double and decimal to double;
    /// DateTimeOffset and DateTime (taken as UTC) to timestamp; TimeSpan to duration; byte arrays to bytes;
    /// dictionaries to maps and other sequences to lists, recursively. CEL values pass through unchanged.
    /// </summary>
    public static object FromClr(object? value) => value switch
    {
        null => CelNull.Value,
        long or ulong or double or bool or string or CelBytes or CelNull or CelList or CelMap or CelTypeValue
            or CelTimestamp or CelDuration or ICelObject => value,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        uint u => (ulong)u,
        ushort us => (ulong)us,
        byte b => (ulong)b,
        float f => (double)f,
        decimal m => (double)m,
        DateTimeOffset t => FromDateTime(t.UtcDateTime),
        DateTime t => FromDateTime(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t),
        TimeSpan span => new CelDuration(span.Ticks * 100),
        byte[] bytes => new CelBytes([.. bytes]),
        ImmutableArray<byte> bytes => new CelBytes(bytes),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => new CelList([.. sequence.Cast<object?>().Select(FromClr)]),
        _ => throw new ArgumentException($"A {value.GetType().Name} has no CEL value.", nameof(value)),
    };

    private static CelTimestamp FromDateTime(DateTime utc)
    {
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }

        return new CelTimestamp(seconds, (int)(rest * 100));
    }

    private static CelMap FromDictionary(IDictionary dictionary)
    {
        var entries = new List<KeyValuePair<object, object>>();
        foreach (DictionaryEntry entry in dictionary)
        {
            entries.Add(new(FromClr(entry.Key), FromClr(entry.Value)));
        }

        return CelMap.Create(entries) is CelMap map
            ? map
            : throw new ArgumentException("A map key must be an integer, a bool or a string.", nameof(dictionary));
    }
}
