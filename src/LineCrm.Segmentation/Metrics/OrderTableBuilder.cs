using LineCrm.Events;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

/// <summary>Collects orders one at a time into an <see cref="OrderTable"/>.</summary>
public sealed class OrderTableBuilder
{
    private readonly List<int> _persons = [];
    private readonly List<long> _utcTicks = [];
    private readonly List<decimal> _amounts = [];
    private readonly List<int> _stores = [];
    private readonly List<int> _channels = [];
    private readonly List<int> _campaigns = [];
    private readonly StringPool _storeNames = new();
    private readonly StringPool _channelNames = new();
    private readonly StringPool _campaignNames = new();
    private int _personCount;
    private string? _currency;

    /// <summary>The number of orders added so far.</summary>
    public int Count => _persons.Count;

    /// <summary>Adds one order.</summary>
    /// <param name="person">The dense person number (see <see cref="PersonIndex{TKey}"/>), zero or more.</param>
    /// <param name="at">When it was placed.</param>
    /// <param name="amount">How much; negative for a refund.</param>
    /// <param name="store">The store, if any.</param>
    /// <param name="channel">The channel name (<c>web</c>, <c>store</c>, ...), if known.</param>
    /// <param name="campaign">The campaign it is attributed to, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException">The person number is negative.</exception>
    public OrderTableBuilder Add(int person, DateTimeOffset at, decimal amount, string? store = null, string? channel = null, string? campaign = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        _persons.Add(person);
        _utcTicks.Add(at.UtcTicks);
        _amounts.Add(amount);
        _stores.Add(_storeNames.InternOptional(store));
        _channels.Add(_channelNames.InternOptional(channel));
        _campaigns.Add(_campaignNames.InternOptional(campaign));
        _personCount = Math.Max(_personCount, person + 1);
        return this;
    }

    /// <summary>Adds a purchase for a person: its time, amount, store, channel and campaign; its currency becomes the table's.</summary>
    /// <param name="person">The dense person number of the purchase's customer.</param>
    /// <param name="purchase">The purchase.</param>
    /// <exception cref="ArgumentException">The purchase is in another currency than those added before it.</exception>
    public OrderTableBuilder Add(int person, Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        if (_currency is not null && _currency != purchase.Currency)
        {
            throw new ArgumentException(
                $"Order {purchase.OrderId} is in {purchase.Currency} but the table's orders are in {_currency}; one table holds one currency.", nameof(purchase));
        }

        _currency = purchase.Currency;
        return Add(person, purchase.At, purchase.Amount, purchase.StoreId, purchase.Channel.Name, purchase.CampaignId);
    }

    /// <summary>Makes the table. The number of persons is the highest person number added plus one, or <paramref name="personCount"/> when larger.</summary>
    /// <param name="personCount">The number of persons the table should cover (for example everyone in a <see cref="PersonIndex{TKey}"/>).</param>
    public OrderTable Build(int personCount = 0)
        => OrderTable.FromColumns(Math.Max(personCount, _personCount), [.. _persons], [.. _utcTicks], [.. _amounts],
            [.. _stores], [.. _storeNames.Values], [.. _channels], [.. _channelNames.Values], [.. _campaigns], [.. _campaignNames.Values], _currency);
}
