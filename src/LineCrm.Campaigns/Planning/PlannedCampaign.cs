using LineCrm.Campaigns.Assignment;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Campaigns.Planning;

/// <summary>One campaign as the planner sees it: who its segment holds, how they are assigned, its priority and send time.</summary>
/// <param name="Assigner">The campaign's control, holdout and variant assignment; its campaign id names the campaign.</param>
/// <param name="Audience">The members of the campaign's segment, evaluated over the fact store the plan reads.</param>
/// <param name="Priority">Higher wins when caps leave room for fewer campaigns than want a person.</param>
/// <param name="SendAt">When the campaign wants to send; null (or a time past) means now.</param>
public sealed record PlannedCampaign(CampaignAssigner Assigner, MemberSet Audience, int Priority, DateTimeOffset? SendAt = null)
{
    /// <summary>The campaign's id, from its assigner.</summary>
    public CampaignId Campaign => Assigner.Campaign;
}
