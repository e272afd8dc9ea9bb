using LineCrm.Identity;

namespace LineCrm.Events;

/// <summary>
/// Evidence that two identifiers belong to one person: a LINE account link, a card shown at the till, a login
/// on the site, an import. The identity graph joins the two identifiers' persons (subject to its rules).
/// </summary>
public sealed record IdentityLink : ICustomerEvent
{
    /// <summary>Makes a link.</summary>
    /// <param name="from">One identifier.</param>
    /// <param name="to">The other identifier; must differ from <paramref name="from"/>.</param>
    /// <param name="at">When the link was observed.</param>
    /// <param name="source">How the link came about.</param>
    /// <exception cref="ArgumentException">An identifier is missing, or both are the same identifier.</exception>
    public IdentityLink(Identifier from, Identifier to, DateTimeOffset at, LinkSource source)
    {
        From = from;
        To = to;
        At = at;
        Source = source;
        EnsureDistinct(from, to);
    }

    /// <summary>One identifier.</summary>
    public Identifier From { get; init => field = Guard.Set(value, nameof(From)); }

    /// <summary>The other identifier.</summary>
    public Identifier To { get; init => field = Guard.Set(value, nameof(To)); }

    /// <summary>When the link was observed.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>How the link came about.</summary>
    public LinkSource Source { get; init => field = Guard.NotNull(value, nameof(Source)); }

    private static void EnsureDistinct(Identifier from, Identifier to)
    {
        if (from == to)
        {
            throw new ArgumentException($"An identifier cannot be linked to itself ('{from}').", nameof(to));
        }
    }

    /// <inheritdoc />
    Identifier ICustomerEvent.Subject => From;
}
