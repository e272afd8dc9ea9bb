using LineCrm.Identity;

namespace LineCrm.Messaging.Audiences;

/// <summary>Sorts ids into the ones to send (valid, first occurrence) and the ones to report.</summary>
internal static class AudienceIds
{
    public const string NotAUserId = "not a LINE user id (U followed by 32 hex digits)";
    public const string NotAnIfa = "not an IFA (a UUID)";
    public const string Duplicate = "repeats an earlier id";

    public static (List<string> Valid, List<RejectedAudienceId> Rejected) Sort(IEnumerable<string> ids, bool ifa)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var valid = new List<string>();
        var rejected = new List<RejectedAudienceId>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (ifa ? !Guid.TryParse(id, out _) : !IdentifierType.LineUser.IsNormalizedValue(id))
            {
                rejected.Add(new RejectedAudienceId(id ?? string.Empty, ifa ? NotAnIfa : NotAUserId));
            }
            else if (!seen.Add(id))
            {
                rejected.Add(new RejectedAudienceId(id, Duplicate));
            }
            else
            {
                valid.Add(id);
            }
        }

        return (valid, rejected);
    }
}
