using LineCrm.Identity;

namespace LineCrm.Events;

/// <summary>
/// One order: who bought, when, how much, where (channel and store), what campaign it is attributed to, and the
/// items. A refund is a purchase with a negative <see cref="Amount"/>.
/// </summary>
/// <remarks>
/// Records compare <see cref="Items"/> by reference, as all C# records do for collections; compare orders by
/// <see cref="OrderId"/> when deduplicating.
/// </remarks>
public sealed record Purchase : ICustomerEvent
{
    /// <summary>Makes a purchase.</summary>
    /// <param name="orderId">The order's id in the source system.</param>
    /// <param name="customer">Who bought, by any of their identifiers.</param>
    /// <param name="at">When the order was placed.</param>
    /// <param name="amount">The order's total; negative for a refund.</param>
    /// <param name="currency">A three-letter ISO 4217 code (JPY, TWD, THB, USD); stored in uppercase.</param>
    /// <param name="channel">Where the order was placed.</param>
    /// <exception cref="ArgumentException">A field is missing or malformed; the message names it and the value.</exception>
    public Purchase(string orderId, Identifier customer, DateTimeOffset at, decimal amount, string currency, PurchaseChannel channel)
    {
        OrderId = orderId;
        Customer = customer;
        At = at;
        Amount = amount;
        Currency = currency;
        Channel = channel;
    }

    /// <summary>The order's id in the source system.</summary>
    public string OrderId { get; init => field = Guard.NotBlank(value, nameof(OrderId)); }

    /// <summary>Who bought, by any of their identifiers; the identity graph resolves it to a person.</summary>
    public Identifier Customer { get; init => field = Guard.Set(value, nameof(Customer)); }

    /// <summary>When the order was placed.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The order's total in <see cref="Currency"/>; negative for a refund.</summary>
    public decimal Amount { get; init; }

    /// <summary>The three-letter ISO 4217 currency code, in uppercase.</summary>
    public string Currency { get; init => field = Guard.Currency(value, nameof(Currency)); }

    /// <summary>Where the order was placed.</summary>
    public PurchaseChannel Channel { get; init => field = Guard.NotNull(value, nameof(Channel)); }

    /// <summary>The store, for store purchases (or the fulfilling store of a web order).</summary>
    public string? StoreId { get; init => field = Guard.OptionalNotBlank(value, nameof(StoreId)); }

    /// <summary>The campaign the order is attributed to, if any.</summary>
    public string? CampaignId { get; init => field = Guard.OptionalNotBlank(value, nameof(CampaignId)); }

    /// <summary>The order's lines; empty when only the total is known.</summary>
    public IReadOnlyList<LineItem> Items
    {
        get;
        init
        {
            Guard.NotNull(value, nameof(Items));
            for (var i = 0; i < value.Count; i++)
            {
                if (value[i] is null)
                {
                    throw new ArgumentException($"{nameof(Items)}[{i}] is null.", nameof(Items));
                }
            }

            field = value;
        }
    } = [];

    /// <inheritdoc />
    Identifier ICustomerEvent.Subject => Customer;
}
