using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>The type conversions <c>int()</c>, <c>uint()</c>, <c>double()</c>, <c>string()</c>, <c>bytes()</c>,
/// <c>bool()</c>, <c>timestamp()</c>, <c>duration()</c>, with range checks: out of range is an error, never a
/// silent wrap.</summary>
internal static class ConversionFunctions
{
    private const double TwoTo63 = 9_223_372_036_854_775_808.0;
    private const double TwoTo64 = 18_446_744_073_709_551_616.0;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static object IntFromUint(ulong value) => value > long.MaxValue ? CelError.Range("int conversion of " + value + "u") : (long)value;

    public static object IntFromDouble(double value) =>

        // Open interval: -2^63 itself is excluded because doubles near the ends do not round-trip reliably.
        value > -TwoTo63 && value < TwoTo63 ? (long)Math.Truncate(value) : CelError.Range("int conversion of a double");

    public static object IntFromString(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : CelError.Conversion($"cannot convert '{value}' to int");

    public static object UintFromInt(long value) => value < 0 ? CelError.Range("uint conversion of a negative int") : (ulong)value;

    public static object UintFromDouble(double value) =>
        value > -1 && value < TwoTo64 ? (ulong)Math.Truncate(value) : CelError.Range("uint conversion of a double");

    public static object UintFromString(string value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            ? result
            : CelError.Conversion($"cannot convert '{value}' to uint");

    public static object DoubleFromString(string value) =>
        double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var result)
            ? result
            : CelError.Conversion($"cannot convert '{value}' to double");

    public static object BoolFromString(string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => CelError.Conversion($"cannot convert '{value}' to bool"),
    };

    public static object StringFromBytes(CelBytes value)
    {
        try
        {
            return StrictUtf8.GetString(value.Bytes.AsSpan());
        }
        catch (DecoderFallbackException)
        {
            return CelError.Conversion("bytes are not valid UTF-8");
        }
    }

    public static CelBytes BytesFromString(string value) => new([.. Encoding.UTF8.GetBytes(value)]);

    public static object TimestampFromInt(long seconds) => CelTimestamp.Create(seconds, 0);

    public static string StringOf(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => DoubleFormatter.Format(d),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? string.Empty,
    };
}
