using LineCrm.Campaigns.Rules;
using LineCrm.Identity;

namespace LineCrm.Campaigns.Planning;

/// <summary>A message the plan would send (or defer), or the record of why it would not: one per campaign and treated person.</summary>
/// <param name="Person">The person.</param>
/// <param name="LineUser">Their LINE user id, the address the message goes to.</param>
/// <param name="Variant">The variant the person is assigned (an index into the campaign's variants).</param>
/// <param name="Decision">The delivery rules' decision: when it goes out, or which cap skipped it.</param>
public sealed record PlannedDelivery(PersonId Person, Identifier LineUser, int Variant, SendDecision Decision)
{
    /// <summary>The campaign.</summary>
    public CampaignId Campaign => Decision.Campaign;
}
