namespace LineCrm.Segmentation.Members;

/// <summary>A purchase as the member table keeps it.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Amount">The order total as a double (CEL has no decimal type); negative for a refund.</param>
/// <param name="Currency">The ISO 4217 code.</param>
/// <param name="Channel">The channel's name (<c>store</c>, <c>web</c>...).</param>
/// <param name="Store">The store id, if any.</param>
/// <param name="Categories">The distinct categories of the order's items, in item order.</param>
public sealed record MemberPurchase(
    DateTimeOffset At,
    double Amount,
    string Currency,
    string Channel,
    string? Store,
    IReadOnlyList<string> Categories);
