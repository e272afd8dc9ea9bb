using System.Globalization;

namespace LineCrm.Messaging.Serialization;

/// <summary>LINE's <c>yyyyMMdd</c> date format, used in query parameters and some answers; dates are in JST by LINE's rules.</summary>
internal static class LineDates
{
    public const string Pattern = "yyyyMMdd";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
