using LineCrm.Identity;

namespace LineCrm.Campaigns.Rules;

/// <summary>The messages already delivered to persons, which the frequency caps count across all campaigns.</summary>
public interface IDeliveryHistory
{
    /// <summary>The person's deliveries sent from <paramref name="fromInclusive"/> up to <paramref name="toExclusive"/>, in any order.</summary>
    /// <param name="person">The person.</param>
    /// <param name="fromInclusive">The earliest send time wanted.</param>
    /// <param name="toExclusive">The end of the range, not included.</param>
    IReadOnlyList<DeliveryRecord> GetDeliveries(PersonId person, DateTimeOffset fromInclusive, DateTimeOffset toExclusive);
}
