using LineCrm.Identity;

namespace LineCrm.Campaigns.Rules;

/// <summary>One message delivered (or planned) to a person, as the frequency caps count it.</summary>
/// <param name="Person">Who received it.</param>
/// <param name="SentAt">When it was (or will be) sent.</param>
/// <param name="Campaign">The campaign that sent it.</param>
public sealed record DeliveryRecord(PersonId Person, DateTimeOffset SentAt, CampaignId Campaign);
