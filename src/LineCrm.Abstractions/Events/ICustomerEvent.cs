using LineCrm.Identity;

namespace LineCrm.Events;

/// <summary>
/// What every customer event (a <see cref="Purchase"/>, an <see cref="Interaction"/>, an <see cref="IdentityLink"/>)
/// has in common: the person it is about and when it happened. Wrapped in a <see cref="CustomerEventEnvelope"/> with
/// its <see cref="CustomerEventId"/> when it is logged, so that a redelivered event counts once.
/// </summary>
public interface ICustomerEvent
{
    /// <summary>The person the event is about, by any of their identifiers (for a link, its first end).</summary>
    Identifier Subject { get; }

    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }
}
