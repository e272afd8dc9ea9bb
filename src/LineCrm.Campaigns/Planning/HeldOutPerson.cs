using LineCrm.Identity;

namespace LineCrm.Campaigns.Planning;

/// <summary>A reachable person held out of a campaign: measured against, never sent.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Person">The person.</param>
/// <param name="Variant">The variant they would have been sent, so each variant can be measured against its own share of the holdout.</param>
public sealed record HeldOutPerson(CampaignId Campaign, PersonId Person, int Variant);
