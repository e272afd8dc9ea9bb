namespace LineCrm.Segmentation.Metrics;

/// <summary>The dimension a membership funnel is broken down by.</summary>
public enum MembershipBreakdown
{
    /// <summary>No breakdown: only the total.</summary>
    None,

    /// <summary>The store that recruited the friend (<see cref="FriendTable.Stores"/>).</summary>
    Store,

    /// <summary>The campaign that recruited the friend (<see cref="FriendTable.Campaigns"/>).</summary>
    Campaign,

    /// <summary>The calendar month (in the funnel's time zone) in which the friend was added.</summary>
    FriendAddedMonth,

    /// <summary>The channel of the person's first order (web, store, ...); friends who never bought are in the "(none)" group.</summary>
    Channel,
}
