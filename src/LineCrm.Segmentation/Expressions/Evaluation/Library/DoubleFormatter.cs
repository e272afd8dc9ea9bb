using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// Formats a double for <c>string(double)</c> the way cel-go does (Go's shortest <c>%g</c>): the fewest digits
/// that round-trip, in exponent form when the exponent is below -4 or at least 6 (<c>1e+06</c>, <c>1e-05</c>),
/// and <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.
/// </summary>
internal static class DoubleFormatter
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // "E16" gives 17 significant digits; "R" the shortest round-trip digits in some notation. Take the
        // shortest digits from "R" by reparsing them into mantissa digits and a decimal exponent.
        var shortest = value.ToString("E16", CultureInfo.InvariantCulture);
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(roundTrip);
        if (digits.Length == 0)
        {
            (digits, exponent) = Decompose(shortest);
        }

        var negative = value < 0;
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= 6)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+');
            text.Append(Math.Abs(exponent).ToString("D2", CultureInfo.InvariantCulture));
        }
        else if (exponent < 0)
        {
            text.Append("0.").Append('0', -exponent - 1).Append(digits);
        }
        else if (digits.Length <= exponent + 1)
        {
            text.Append(digits).Append('0', exponent + 1 - digits.Length);
        }
        else
        {
            text.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        }

        return text.ToString();
    }

    /// <summary>The significant digits (no leading or trailing zeros) and the decimal exponent of the first digit.</summary>
    private static (string Digits, int Exponent) Decompose(string formatted)
    {
        var text = formatted.TrimStart('-');
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var fractionPart = point >= 0 ? text[(point + 1)..] : string.Empty;
        var all = integerPart + fractionPart;
        var firstNonZero = all.AsSpan().IndexOfAnyExcept('0');
        if (firstNonZero < 0)
        {
            return (string.Empty, 0);
        }

        exponent += integerPart.Length - 1 - firstNonZero;
        return (all[firstNonZero..].TrimEnd('0'), exponent);
    }
}
