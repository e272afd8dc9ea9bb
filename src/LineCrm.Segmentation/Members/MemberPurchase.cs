namespace LineCrm.Segmentation.Members;

/// <summary>A purchase as the member table keeps it.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Amount">
/// The order total, exactly as appended (the table keeps whole ten-thousandths of the currency unit); negative for
/// a refund. Segments read it as a double, <c>p.amount</c>, since CEL has no decimal type.
/// </param>
/// <param name="Currency">The ISO 4217 code.</param>
/// <param name="Channel">The channel's name (<c>store</c>, <c>web</c>...).</param>
/// <param name="Store">The store id, if any.</param>
/// <param name="Categories">The distinct categories of the order's items, in item order.</param>
public sealed record MemberPurchase(
    DateTimeOffset At,
    decimal Amount,
    string Currency,
    string Channel,
    string? Store,
    IReadOnlyList<string> Categories)
{
    /// <summary>The campaign the order is attributed to (<c>Purchase.CampaignId</c>), if any.</summary>
    public string? Campaign { get; init; }
}
