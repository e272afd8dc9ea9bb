namespace LineCrm.Campaigns.Measurement;

/// <summary>A campaign's measured effect: every variant together, and each against its own share of the holdout.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="WindowClosesAt">When the last recipient's conversion window closes (their window's start plus the campaign's window).</param>
/// <param name="IsFinal">Whether the window had closed when this was measured; a provisional result may still change.</param>
/// <param name="Overall">The whole treatment against the whole holdout; null when either is empty.</param>
/// <param name="Variants">Per variant, in the campaign's order.</param>
/// <param name="Messaged">Messages that reached LINE, which the cost counts.</param>
public sealed record CampaignResult(
    CampaignId Campaign, DateTimeOffset WindowClosesAt, bool IsFinal, UpliftReport? Overall, IReadOnlyList<VariantResult> Variants, long Messaged);
