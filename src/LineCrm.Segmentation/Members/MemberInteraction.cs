namespace LineCrm.Segmentation.Members;

/// <summary>An interaction as the member table keeps it.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Kind">The kind's name (<c>clicked</c>, <c>friend_added</c>...).</param>
/// <param name="Campaign">The campaign, if any.</param>
/// <param name="Target">The target (URL, SKU, category), if any.</param>
public sealed record MemberInteraction(DateTimeOffset At, string Kind, string? Campaign, string? Target);
