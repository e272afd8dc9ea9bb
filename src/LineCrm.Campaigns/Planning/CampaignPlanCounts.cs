namespace LineCrm.Campaigns.Planning;

/// <summary>
/// What a dry run of one campaign found. Every member of the audience is counted once, in the first of:
/// <see cref="Unreachable"/>, <see cref="Control"/>, <see cref="Holdout"/>, then the treated persons split into
/// <see cref="Capped"/> and <see cref="ToSend"/> (of which <see cref="Deferred"/> go out later, after quiet hours).
/// </summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Audience">Members of the campaign's segment.</param>
/// <param name="Unreachable">Members without a LINE user id, who never added the account, or who block it.</param>
/// <param name="Control">Reachable members in the global control group: never messaged by any campaign.</param>
/// <param name="Holdout">Reachable members held out of this campaign, to measure it against.</param>
/// <param name="Capped">Treated members a frequency cap skipped (by a rule alone, or because higher-priority campaigns took the room).</param>
/// <param name="CappedByCampaign">Of <see cref="Capped"/>, those skipped because higher-priority campaigns of the same plan took the room.</param>
/// <param name="ToSend">Treated members who get the message, now or deferred.</param>
/// <param name="Deferred">Of <see cref="ToSend"/>, those whose send quiet hours moved later.</param>
public sealed record CampaignPlanCounts(
    CampaignId Campaign,
    int Audience,
    int Unreachable,
    int Control,
    int Holdout,
    int Capped,
    int CappedByCampaign,
    int ToSend,
    int Deferred)
{
    /// <summary>Members who are reachable: the audience less <see cref="Unreachable"/>.</summary>
    public int Eligible => Audience - Unreachable;

    /// <summary>Paid messages: one per recipient (push and multicast are charged per recipient).</summary>
    public long PaidMessages => ToSend;
}
