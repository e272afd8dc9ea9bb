namespace LineCrm.Events;

/// <summary>
/// A customer event with the id that makes it count once, as it is appended to an event log. Two envelopes with the
/// same <see cref="Id"/> are the same event, however often they arrive.
/// </summary>
public sealed record CustomerEventEnvelope
{
    /// <summary>Wraps an event.</summary>
    /// <param name="id">The event's idempotency key.</param>
    /// <param name="event">The event.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public CustomerEventEnvelope(CustomerEventId id, ICustomerEvent @event)
    {
        Id = id;
        Event = @event;
    }

    /// <summary>The event's idempotency key.</summary>
    public CustomerEventId Id
    {
        get;
        init => field = value.IsDefault ? throw new ArgumentException("Id must be a customer event id, not default(CustomerEventId).", nameof(Id)) : value;
    }

    /// <summary>The event: a <see cref="Purchase"/>, an <see cref="Interaction"/> or an <see cref="IdentityLink"/>.</summary>
    public ICustomerEvent Event { get; init => field = Guard.NotNull(value, nameof(Event)); }
}
