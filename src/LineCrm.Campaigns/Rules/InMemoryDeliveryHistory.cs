using LineCrm.Identity;

namespace LineCrm.Campaigns.Rules;

/// <summary>
/// A delivery history held in memory: for dry runs, and for a process that loads its recent deliveries before
/// planning. Not thread-safe for writes: add everything, then plan.
/// </summary>
public sealed class InMemoryDeliveryHistory : IDeliveryHistory
{
    private readonly Dictionary<PersonId, List<DeliveryRecord>> _byPerson = [];

    /// <summary>Records a delivery.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <exception cref="ArgumentException">The delivery names no person or no campaign.</exception>
    public void Add(DeliveryRecord delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Person.IsDefault || delivery.Campaign.IsDefault)
        {
            throw new ArgumentException("A delivery names a person and a campaign.", nameof(delivery));
        }

        if (!_byPerson.TryGetValue(delivery.Person, out var list))
        {
            list = [];
            _byPerson.Add(delivery.Person, list);
        }

        list.Add(delivery);
    }

    /// <inheritdoc />
    public IReadOnlyList<DeliveryRecord> GetDeliveries(PersonId person, DateTimeOffset fromInclusive, DateTimeOffset toExclusive)
        => _byPerson.TryGetValue(person, out var list)
            ? [.. list.Where(d => d.SentAt >= fromInclusive && d.SentAt < toExclusive)]
            : [];
}
