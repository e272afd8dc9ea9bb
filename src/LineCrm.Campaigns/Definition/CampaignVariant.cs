using LineCrm.Messaging.Messages;

namespace LineCrm.Campaigns.Definition;

/// <summary>One version of a campaign's message, sent to its share of the messaged persons.</summary>
/// <param name="Name">A name for reports, unique within the campaign (for example <c>A</c>, <c>coupon</c>).</param>
/// <param name="Weight">Its share of the messaged persons, a fraction; the campaign's weights sum to 1.</param>
/// <param name="Messages">The messages sent together, 1 to 5 (what one LINE push or multicast carries).</param>
public sealed record CampaignVariant(string Name, double Weight, IReadOnlyList<Message> Messages);
