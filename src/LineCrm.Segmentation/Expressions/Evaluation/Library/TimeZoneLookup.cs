using System.Security;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// Finds an IANA time zone by name for the calendar functions, answering "no such zone" for anything that is not
/// one: names not shaped like IANA ids (paths, odd characters) never reach the time zone database, and whatever
/// the database says about the rest (a folder such as <c>America</c>, a file it cannot read) is "no such zone"
/// too, never an exception of the platform.
/// </summary>
internal static partial class TimeZoneLookup
{
    /// <summary>The longest name looked up; the longest IANA id is about 30 characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The zone named <paramref name="name"/>, or false when there is none.</summary>
    public static bool TryFind(string name, out TimeZoneInfo? zone)
    {
        zone = null;
        if (name.Length > MaxNameLength || !ZoneName().IsMatch(name))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException
            or SecurityException or UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneName();
}
