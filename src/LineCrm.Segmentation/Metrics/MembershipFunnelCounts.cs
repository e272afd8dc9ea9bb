namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// The four steps of the membership funnel. Each step is a subset of the one before, so the counts never grow.
/// Rates are null when their denominator is zero.
/// </summary>
/// <param name="Friends">Persons who added the account as a friend within the range.</param>
/// <param name="Linked">Of those, persons who linked a member id before the end of the range.</param>
/// <param name="FirstPurchasers">Of those, persons with at least one purchase day before the end of the range.</param>
/// <param name="Repurchasers">Of those, persons with two or more purchase days before the end of the range.</param>
public sealed record MembershipFunnelCounts(long Friends, long Linked, long FirstPurchasers, long Repurchasers)
{
    /// <summary>Binding rate: <see cref="Linked"/> / <see cref="Friends"/>.</summary>
    public double? BindingRate => Rate.Of(Linked, Friends);

    /// <summary>First-purchase rate: <see cref="FirstPurchasers"/> / <see cref="Linked"/>.</summary>
    public double? FirstPurchaseRate => Rate.Of(FirstPurchasers, Linked);

    /// <summary>Repurchase rate: <see cref="Repurchasers"/> / <see cref="FirstPurchasers"/>.</summary>
    public double? RepurchaseRate => Rate.Of(Repurchasers, FirstPurchasers);
}
