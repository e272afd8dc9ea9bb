using System.Text.Json.Serialization;

namespace LineCrm.Events;

/// <summary>
/// The stored JSON shape of a customer event: plain data that the source generator can write and read, turned into
/// the validated event records (whose constructors check every field) only after reading.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StoredPurchase), "purchase")]
[JsonDerivedType(typeof(StoredInteraction), "interaction")]
[JsonDerivedType(typeof(StoredIdentityLink), "identity_link")]
internal abstract record StoredEvent
{
    [JsonIgnore]
    public abstract string TypeName { get; }

    public abstract ICustomerEvent ToEvent();

    public static StoredEvent Of(ICustomerEvent @event) => @event switch
    {
        null => throw new ArgumentNullException(nameof(@event)),
        Purchase p => new StoredPurchase(
            p.OrderId, p.Customer.ToString(), p.At, p.Amount, p.Currency, p.Channel.Name, p.StoreId, p.CampaignId,
            [.. p.Items.Select(i => new StoredLineItem(i.Sku, i.Quantity, i.UnitPrice, i.Category))]),
        Interaction i => new StoredInteraction(i.Who.ToString(), i.At, i.Kind.Name, i.CampaignId, i.Target),
        IdentityLink l => new StoredIdentityLink(l.From.ToString(), l.To.ToString(), l.At, l.Source.Name),
        _ => throw new NotSupportedException(
            $"Customer events of type {@event.GetType().FullName} have no stored form; log a Purchase, an Interaction or an IdentityLink."),
    };
}

internal sealed record StoredPurchase(
    string OrderId,
    string Customer,
    DateTimeOffset At,
    decimal Amount,
    string Currency,
    string Channel,
    string? StoreId = null,
    string? CampaignId = null,
    IReadOnlyList<StoredLineItem>? Items = null) : StoredEvent
{
    public override string TypeName => "purchase";

    public override ICustomerEvent ToEvent() =>
        new Purchase(OrderId, CustomerEventJson.ParseIdentifier(Customer, "customer"), At, Amount, Currency, PurchaseChannel.FromName(Channel))
        {
            StoreId = StoreId,
            CampaignId = CampaignId,
            Items = Items is null ? [] : [.. Items.Select((item, index) => item?.ToLineItem() ?? throw new ArgumentException($"items[{index}] is null.", "items"))],
        };
}

internal sealed record StoredLineItem(string Sku, int Quantity, decimal UnitPrice, string? Category = null)
{
    public LineItem ToLineItem() => new(Sku, Category, Quantity, UnitPrice);
}

internal sealed record StoredInteraction(string Who, DateTimeOffset At, string Kind, string? CampaignId = null, string? Target = null) : StoredEvent
{
    public override string TypeName => "interaction";

    public override ICustomerEvent ToEvent() =>
        new Interaction(CustomerEventJson.ParseIdentifier(Who, "who"), At, InteractionKind.FromName(Kind))
        {
            CampaignId = CampaignId,
            Target = Target,
        };
}

internal sealed record StoredIdentityLink(string From, string To, DateTimeOffset At, string Source) : StoredEvent
{
    public override string TypeName => "identity_link";

    public override ICustomerEvent ToEvent() =>
        new IdentityLink(CustomerEventJson.ParseIdentifier(From, "from"), CustomerEventJson.ParseIdentifier(To, "to"), At, LinkSource.FromName(Source));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StoredEvent))]
internal sealed partial class StoredEventJsonContext : JsonSerializerContext;
