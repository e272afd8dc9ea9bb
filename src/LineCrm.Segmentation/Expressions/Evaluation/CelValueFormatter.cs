using System.Globalization;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>Shows a CEL value roughly as CEL would write it, for messages and test output.</summary>
internal static class CelValueFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "u",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => "'" + s.Replace("'", "\\'", StringComparison.Ordinal) + "'",
        CelTimestamp t => $"timestamp('{t}')",
        CelDuration d => $"duration('{d}')",
        _ => value.ToString() ?? string.Empty,
    };
}
