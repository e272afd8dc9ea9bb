using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Measurement;
using LineCrm.Campaigns.Planning;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>What the campaign week did: the plan's counts, the quota, what was sent and the measured effects beside the plants.</summary>
/// <param name="LineRequests">Multicast requests the fake LINE server accepted.</param>
/// <param name="Delivered">Recipients of those requests, counted on the fake server's side.</param>
internal sealed record CampaignWeek(
    DateTimeOffset RunAt,
    string Rules,
    QuotaVerdict Quota,
    int LineRequests,
    long Delivered,
    int ResponsePurchases,
    IReadOnlyList<CampaignOutcome> Campaigns);

/// <summary>One campaign: its plan, how many messages LINE accepted, its measurement, and per variant the planted truth.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Counts">The plan's counts.</param>
/// <param name="Sent">Messages LINE accepted.</param>
/// <param name="Result">The measurement.</param>
/// <param name="PlantedOverall">The uplift the simulation planted, as the whole treatment group sees it (the plant times the share messaged).</param>
/// <param name="PlantedByVariant">The same per variant, in the campaign's order.</param>
internal sealed record CampaignOutcome(
    Campaign Campaign, CampaignPlanCounts Counts, long Sent, CampaignResult Result, double PlantedOverall, IReadOnlyList<double> PlantedByVariant);
