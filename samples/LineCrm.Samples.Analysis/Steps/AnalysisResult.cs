using LineCrm.Segmentation.Metrics;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>Everything the reports show.</summary>
internal sealed record AnalysisResult(
    AnalysisInput Input,
    TimeZoneInfo TimeZone,
    string IdentityResolution,
    int Persons,
    int Members,
    IReadOnlyList<SegmentOutcome> Segments,
    PurchaseReport Purchases,
    LineResult? Line)
{
    /// <summary>The campaign week (demo data only); null for an order file, which has no LINE friends to message.</summary>
    public CampaignWeek? Campaigns { get; init; }
}

/// <summary>The LINE part: the membership funnel (total, by store, by month) and friend activity.</summary>
internal sealed record LineResult(MembershipFunnelReport ByStore, MembershipFunnelReport ByMonth, LineFriendActivity Activity);
