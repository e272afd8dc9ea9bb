namespace LineCrm.Campaigns.Planning;

/// <summary>
/// A dry run of several campaigns over one fact store: per campaign what happens to its audience
/// (<see cref="Campaigns"/>), every message it would send with its decision (<see cref="Deliveries"/>), and the
/// held-out persons with the time they would have been sent (for measuring against them). Nothing is sent.
/// </summary>
/// <param name="PlannedAt">The instant the plan was made (the delivery rules' clock).</param>
/// <param name="Campaigns">Counts per campaign, in the order the campaigns were given.</param>
/// <param name="Deliveries">Per campaign and treated person, the message or the reason there is none, by campaign then person.</param>
/// <param name="HeldOut">Per campaign, the reachable persons held out of it, by campaign then person.</param>
public sealed record CampaignPlan(
    DateTimeOffset PlannedAt,
    IReadOnlyList<CampaignPlanCounts> Campaigns,
    IReadOnlyList<PlannedDelivery> Deliveries,
    IReadOnlyList<HeldOutPerson> HeldOut)
{
    /// <summary>Paid messages of every campaign in the plan together.</summary>
    public long PaidMessages => Campaigns.Sum(c => c.PaidMessages);

    /// <summary>
    /// The plan against the month's quota: <paramref name="quota"/> is the target limit (null when the account has
    /// none), <paramref name="used"/> the messages already sent this month (LINE's <c>getMessageQuota</c> and
    /// <c>getMessageQuotaConsumption</c>; <see cref="MessageQuotaCheck.FetchAsync"/> asks LINE for both).
    /// </summary>
    /// <param name="quota">This month's limit, or null for none.</param>
    /// <param name="used">Messages sent this month.</param>
    public QuotaVerdict Against(long? quota, long used) => new(PaidMessages, quota, used);
}
