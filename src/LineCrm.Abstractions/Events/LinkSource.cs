namespace LineCrm.Events;

/// <summary>How two identifiers came to be linked: an open set of link sources.</summary>
public sealed record LinkSource : OpenSetValue
{
    private LinkSource(string name) : base(name, "link source")
    {
    }

    /// <summary>LINE account linking (the <c>accountLink</c> webhook event after the site confirmed a nonce).</summary>
    public static LinkSource AccountLink { get; } = new("account_link");

    /// <summary>A card shown or a LINE code scanned at a store's till.</summary>
    public static LinkSource PointOfSale { get; } = new("pos");

    /// <summary>A login on the web site that carried another identifier (LINE Login, a member card number).</summary>
    public static LinkSource WebLogin { get; } = new("web_login");

    /// <summary>A bulk import from another system.</summary>
    public static LinkSource Import { get; } = new("import");

    /// <summary>The well-known sources.</summary>
    public static IReadOnlyList<LinkSource> WellKnown { get; } = [AccountLink, PointOfSale, WebLogin, Import];

    /// <summary>The source with this name: a well-known one, or a custom one ("call_center").</summary>
    /// <exception cref="ArgumentException">The name is empty or not of the allowed form.</exception>
    public static LinkSource FromName(string name) => FromName(name, WellKnown, static n => new LinkSource(n));
}
