using LineCrm.Identity;

namespace LineCrm.Campaigns.Measurement;

/// <summary>One person of a campaign as the measurement counts them.</summary>
/// <param name="Person">The person.</param>
/// <param name="Variant">Their variant (an index into the campaign's variants); a held-out person's is the one they would have been sent.</param>
/// <param name="Group">Treatment or holdout.</param>
/// <param name="From">Where their conversion window starts: when they were sent, or (held out, or capped) when they would have been.</param>
/// <param name="Messaged">Whether a message actually reached LINE for them; only these are paid for.</param>
public readonly record struct CampaignRecipient(PersonId Person, int Variant, RecipientGroup Group, DateTimeOffset From, bool Messaged);
