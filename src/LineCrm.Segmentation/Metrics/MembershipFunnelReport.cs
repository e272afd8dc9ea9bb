namespace LineCrm.Segmentation.Metrics;

/// <summary>A membership funnel: the total and, when broken down, one row per group.</summary>
/// <param name="Breakdown">The dimension of <see cref="Groups"/>.</param>
/// <param name="Total">All friends in the range.</param>
/// <param name="Groups">One row per value of the dimension, ordered by key ("(none)" last); empty without a breakdown.</param>
public sealed record MembershipFunnelReport(MembershipBreakdown Breakdown, MembershipFunnelCounts Total, IReadOnlyList<MembershipFunnelGroup> Groups)
{
    /// <summary>The key of the group of persons without a value for the dimension.</summary>
    public const string NoValue = "(none)";
}

/// <summary>The membership funnel of one group of a breakdown.</summary>
/// <param name="Key">The group's value (a store, a campaign, a <c>yyyy-MM</c> month, a channel) or <see cref="MembershipFunnelReport.NoValue"/>.</param>
/// <param name="Counts">The group's funnel.</param>
public sealed record MembershipFunnelGroup(string Key, MembershipFunnelCounts Counts);
