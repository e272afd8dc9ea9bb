namespace LineCrm.Segmentation.Metrics;

/// <summary>Which of a person's purchases in their window count towards their revenue.</summary>
public enum WindowRevenue
{
    /// <summary>
    /// The purchases the goal accepts (every purchase when there is no goal): what a campaign aimed at, which
    /// purchases of other kinds, moved by other campaigns, do not blur.
    /// </summary>
    GoalPurchases,

    /// <summary>Every purchase in the window: the whole spend, which also shows a campaign taking sales from elsewhere.</summary>
    AllPurchases,
}
