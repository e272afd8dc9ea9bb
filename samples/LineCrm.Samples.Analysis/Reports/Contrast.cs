using System.Globalization;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>
/// WCAG 2 contrast between colours (relative luminance of sRGB), so text is chosen to stay readable on whatever it
/// sits on: WCAG's AA level asks 4.5:1 for normal text.
/// </summary>
internal static class Contrast
{
    /// <summary>WCAG AA for normal-size text.</summary>
    public const double MinimumForText = 4.5;

    /// <summary>Black or white, whichever contrasts more with <paramref name="background"/> (always at least 4.58:1).</summary>
    public static string InkFor(Rgb background) => Ratio(background, Rgb.White) >= Ratio(background, Rgb.Black) ? "#ffffff" : "#000000";

    /// <summary>The WCAG contrast ratio of two colours, 1 to 21.</summary>
    public static double Ratio(Rgb a, Rgb b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>WCAG relative luminance.</summary>
    public static double Luminance(Rgb c) => (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(int channel)
    {
        var s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}

/// <summary>An sRGB colour.</summary>
internal readonly record struct Rgb(int R, int G, int B)
{
    public static readonly Rgb White = new(255, 255, 255);
    public static readonly Rgb Black = new(0, 0, 0);

    /// <summary>Reads <c>#rrggbb</c>, <c>#rgb</c> or <c>rgb(r,g,b)</c>.</summary>
    public static Rgb Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("rgb(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            var parts = text[4..^1].Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
            return new Rgb(parts[0], parts[1], parts[2]);
        }

        if (text.StartsWith('#') && text.Length is 4 or 7)
        {
            var hex = text.Length == 4 ? string.Concat(text[1..].Select(c => $"{c}{c}")) : text[1..];
            return new Rgb(Hex(hex[..2]), Hex(hex[2..4]), Hex(hex[4..]));
        }

        throw new FormatException($"'{text}' is not a colour (#rrggbb, #rgb or rgb(r,g,b)).");
    }

    /// <summary>CSS <c>rgb(r,g,b)</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"rgb({R},{G},{B})");

    private static int Hex(string two) => int.Parse(two, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
