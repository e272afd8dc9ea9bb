namespace LineCrm.Campaigns.Rules;

/// <summary>One campaign's wish to message a person.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Priority">Its priority: higher wins when caps leave room for fewer campaigns than want the person.</param>
/// <param name="SendAt">When it wants to send; null, or a time already past, for now.</param>
public sealed record CampaignRequest(CampaignId Campaign, int Priority, DateTimeOffset? SendAt = null);
