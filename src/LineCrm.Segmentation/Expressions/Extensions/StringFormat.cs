using System.Globalization;
using System.Numerics;
using System.Text;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>
/// <c>"...".format([args])</c> as cel-go defines it: <c>%s</c> (any value), <c>%d</c>, <c>%f</c> and <c>%e</c>
/// (with an optional <c>.precision</c>, 6 by default), <c>%b</c>, <c>%o</c>, <c>%x</c>, <c>%X</c> and <c>%%</c>.
/// Decimal digits are rounded half to even on the double's exact binary value, as Go's formatting does.
/// </summary>
internal static class StringFormat
{
    private const int MaxPrecision = 100;

    public static string Format(string format, CelList arguments)
    {
        var builder = new StringBuilder(format.Length + 16);
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= format.Length)
            {
                throw Error("could not parse formatting clause: unexpected end of format string");
            }

            if (format[i] == '%')
            {
                builder.Append('%');
                continue;
            }

            int? precision = null;
            if (format[i] == '.')
            {
                var start = ++i;
                while (i < format.Length && char.IsAsciiDigit(format[i]))
                {
                    i++;
                }

                if (i == start || i >= format.Length || !int.TryParse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture, out var p) || p > MaxPrecision)
                {
                    throw Error("could not parse formatting clause: invalid precision");
                }

                precision = p;
            }

            var verb = format[i];
            if ("sdfeboxX".IndexOf(verb, StringComparison.Ordinal) < 0)
            {
                throw Error($"could not parse formatting clause: unrecognized formatting clause \"{verb}\"");
            }

            if (next >= arguments.Count)
            {
                throw Error($"index {next} out of range");
            }

            builder.Append(Clause(verb, precision, arguments.Items[next++]));
        }

        return builder.ToString();
    }

    private static string Clause(char verb, int? precision, object value) => verb switch
    {
        's' => Text(value),
        'd' => Decimal(value),
        'f' => Fixed(Number(value, "fixed-point"), precision ?? 6),
        'e' => Scientific(Number(value, "scientific"), precision ?? 6),
        'b' => Binary(value),
        'o' => Octal(value),
        _ => Hex(value, upper: verb == 'X'),
    };

    /// <summary>The <c>%s</c> text of a value; list elements and map entries the same way, map entries by key text.</summary>
    private static string Text(object value) => value switch
    {
        string s => s,
        CelBytes b => Encoding.UTF8.GetString(b.Bytes.AsSpan()),
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal) : Special(d),
        CelNull => "null",
        CelTypeValue t => t.Name,
        CelList l => "[" + string.Join(", ", l.Items.Select(Text)) + "]",
        CelMap m => "{" + string.Join(", ", m.Keys.Select(k => (Key: Text(k), Value: Text(m[k]))).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ": " + e.Value)) + "}",
        CelOptional o => o.HasValue ? "optional(" + Text(o.Value) + ")" : "optional.none()",
        _ => ConversionFunctions.StringOf(value),
    };

    private static string Decimal(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d when !double.IsFinite(d) => Special(d),
        _ => throw Error($"error during formatting: decimal clause can only be used on integers, was given {CelValueTypes.TypeName(value)}"),
    };

    private static double Number(object value, string clause) => value switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        _ => throw Error($"error during formatting: {clause} clause can only be used on doubles, was given {CelValueTypes.TypeName(value)}"),
    };

    private static string Binary(object value) => value switch
    {
        bool b => b ? "1" : "0",
        long l => Radix(l, 2),
        ulong u => Radix(u, 2),
        _ => throw Error($"error during formatting: only integers and bools can be formatted as binary, was given {CelValueTypes.TypeName(value)}"),
    };

    private static string Octal(object value) => value switch
    {
        long l => Radix(l, 8),
        ulong u => Radix(u, 8),
        _ => throw Error($"error during formatting: octal clause can only be used on integers, was given {CelValueTypes.TypeName(value)}"),
    };

    private static string Hex(object value, bool upper)
    {
        var text = value switch
        {
            long l => Radix(l, 16),
            ulong u => Radix(u, 16),
            string s => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
            CelBytes b => Convert.ToHexStringLower(b.Bytes.AsSpan()),
            _ => throw Error($"error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given {CelValueTypes.TypeName(value)}"),
        };
        return upper ? text.ToUpperInvariant() : text;
    }

    private static string Radix(long value, int radix) =>
        value < 0 ? "-" + Radix((ulong)-(Int128)value, radix) : Radix((ulong)value, radix);

    private static string Radix(ulong value, int radix)
    {
        if (value == 0)
        {
            return "0";
        }

        Span<char> digits = stackalloc char[64];
        var position = digits.Length;
        while (value != 0)
        {
            digits[--position] = "0123456789abcdef"[(int)(value % (ulong)radix)];
            value /= (ulong)radix;
        }

        return new string(digits[position..]);
    }

    private static string Special(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";

    /// <summary><c>%.Nf</c>: exactly rounded, half to even.</summary>
    public static string Fixed(double value, int precision)
    {
        if (!double.IsFinite(value))
        {
            return Special(value);
        }

        var (numerator, denominator) = Exact(Math.Abs(value));
        var scaled = RoundHalfEven(numerator * BigInteger.Pow(10, precision), denominator);
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(precision + 1, '0');
        var whole = digits[..^precision];
        var text = precision == 0 ? whole : whole + "." + digits[^precision..];
        return double.IsNegative(value) ? "-" + text : text;
    }

    /// <summary><c>%.Ne</c>: d.ddd, exactly rounded half to even, and a signed exponent of at least two digits.</summary>
    public static string Scientific(double value, int precision)
    {
        if (!double.IsFinite(value))
        {
            return Special(value);
        }

        var magnitude = Math.Abs(value);
        var exponent = magnitude == 0 ? 0 : (int)Math.Floor(Math.Log10(magnitude));
        var (numerator, denominator) = Exact(magnitude);
        BigInteger mantissa;
        while (true)
        {
            var shift = precision - exponent;
            mantissa = shift >= 0
                ? RoundHalfEven(numerator * BigInteger.Pow(10, shift), denominator)
                : RoundHalfEven(numerator, denominator * BigInteger.Pow(10, -shift));
            if (magnitude != 0 && mantissa >= BigInteger.Pow(10, precision + 1))
            {
                exponent++;
            }
            else if (magnitude != 0 && mantissa < BigInteger.Pow(10, precision))
            {
                exponent--;
            }
            else
            {
                break;
            }
        }

        var digits = mantissa.ToString(CultureInfo.InvariantCulture).PadLeft(precision + 1, '0');
        var text = precision == 0 ? digits[..1] : digits[..1] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        text += "e" + sign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return double.IsNegative(value) ? "-" + text : text;
    }

    /// <summary>A finite non-negative double as an exact fraction.</summary>
    private static (BigInteger Numerator, BigInteger Denominator) Exact(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            fraction |= 1L << 52;
        }

        exponent -= 1075;
        return exponent >= 0
            ? (new BigInteger(fraction) << exponent, BigInteger.One)
            : (new BigInteger(fraction), BigInteger.One << -exponent);
    }

    private static BigInteger RoundHalfEven(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        return twice > denominator || (twice == denominator && !quotient.IsEven) ? quotient + 1 : quotient;
    }

    private static CelRuntimeError Error(string message) => new(CelRuntimeError.InvalidArgument, message);
}
