using LineCrm.Identity;

namespace LineCrm.Events;

/// <summary>
/// Something a person did or that happened to them: added the LINE account as a friend, blocked it, received or
/// clicked a message, viewed a page, added to a cart.
/// </summary>
public sealed record Interaction : ICustomerEvent
{
    /// <summary>Makes an interaction.</summary>
    /// <param name="who">The person, by any of their identifiers.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="kind">What happened.</param>
    /// <exception cref="ArgumentException">A field is missing or malformed; the message names it.</exception>
    public Interaction(Identifier who, DateTimeOffset at, InteractionKind kind)
    {
        Who = who;
        At = at;
        Kind = kind;
    }

    /// <summary>The person, by any of their identifiers.</summary>
    public Identifier Who { get; init => field = Guard.Set(value, nameof(Who)); }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public InteractionKind Kind { get; init => field = Guard.NotNull(value, nameof(Kind)); }

    /// <summary>The campaign involved (the message that was delivered or clicked), if any.</summary>
    public string? CampaignId { get; init => field = Guard.OptionalNotBlank(value, nameof(CampaignId)); }

    /// <summary>What was acted on, if any: a URL, a SKU or a category.</summary>
    public string? Target { get; init => field = value is null ? null : Guard.NotBlank(value, nameof(Target)); }

    /// <inheritdoc />
    Identifier ICustomerEvent.Subject => Who;
}
