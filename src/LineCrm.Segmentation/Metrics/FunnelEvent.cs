using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// One customer event as a funnel step written in CEL sees it (<see cref="FunnelStep.FromCel"/>): what happened
/// (<see cref="Kind"/>), when, and the purchase or interaction details that steps usually test. Made from a
/// <see cref="Purchase"/> or an <see cref="Interaction"/> with <see cref="From(Purchase)"/> and
/// <see cref="From(Interaction)"/>; text fields a source does not have are empty, never null.
/// </summary>
/// <param name="Who">The identifier the event carries (resolve it to a person before computing a funnel by person).</param>
/// <param name="Kind">
/// <see cref="PurchasedKind"/> for a purchase; an interaction's kind name (<c>friend_added</c>, <c>clicked</c>,
/// <c>cart_added</c>...) otherwise.
/// </param>
/// <param name="At">When it happened.</param>
public sealed record FunnelEvent(Identifier Who, string Kind, DateTimeOffset At)
{
    /// <summary>The <see cref="Kind"/> of an event made from a purchase.</summary>
    public const string PurchasedKind = "purchased";

    /// <summary>What happened; never empty.</summary>
    public string Kind { get; init; } = string.IsNullOrWhiteSpace(Kind) ? throw new ArgumentException("A funnel event needs a kind.", nameof(Kind)) : Kind;

    /// <summary>A purchase's channel name (<c>web</c>, <c>store</c>...); empty for interactions.</summary>
    public string Channel { get; init => field = value ?? throw new ArgumentNullException(nameof(Channel)); } = string.Empty;

    /// <summary>A purchase's store id; empty when none, and for interactions.</summary>
    public string Store { get; init => field = value ?? throw new ArgumentNullException(nameof(Store)); } = string.Empty;

    /// <summary>A purchase's amount (negative for a refund); 0 for interactions.</summary>
    public decimal Amount { get; init; }

    /// <summary>The campaign the purchase or interaction is attributed to; empty when none.</summary>
    public string Campaign { get; init => field = value ?? throw new ArgumentNullException(nameof(Campaign)); } = string.Empty;

    /// <summary>An interaction's target (the URL clicked, the page viewed, the recruiting store of a friend-add); empty when none, and for purchases.</summary>
    public string Target { get; init => field = value ?? throw new ArgumentNullException(nameof(Target)); } = string.Empty;

    /// <summary>A purchase as a funnel event of kind <see cref="PurchasedKind"/>.</summary>
    /// <param name="purchase">The purchase.</param>
    /// <returns>The event.</returns>
    public static FunnelEvent From(Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        return new FunnelEvent(purchase.Customer, PurchasedKind, purchase.At)
        {
            Channel = purchase.Channel.Name,
            Store = purchase.StoreId ?? string.Empty,
            Amount = purchase.Amount,
            Campaign = purchase.CampaignId ?? string.Empty,
        };
    }

    /// <summary>An interaction as a funnel event of the interaction's kind.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns>The event.</returns>
    public static FunnelEvent From(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new FunnelEvent(interaction.Who, interaction.Kind.Name, interaction.At)
        {
            Campaign = interaction.CampaignId ?? string.Empty,
            Target = interaction.Target ?? string.Empty,
        };
    }
}
