namespace LineCrm.Events;

/// <summary>Where a purchase was made: an open set with <see cref="Web"/>, <see cref="Store"/>, <see cref="App"/> and <see cref="Phone"/>.</summary>
public sealed record PurchaseChannel : OpenSetValue
{
    private PurchaseChannel(string name) : base(name, "purchase channel")
    {
    }

    /// <summary>The web shop.</summary>
    public static PurchaseChannel Web { get; } = new("web");

    /// <summary>A physical store (point of sale).</summary>
    public static PurchaseChannel Store { get; } = new("store");

    /// <summary>The company's mobile app.</summary>
    public static PurchaseChannel App { get; } = new("app");

    /// <summary>Telephone orders.</summary>
    public static PurchaseChannel Phone { get; } = new("phone");

    /// <summary>The well-known channels.</summary>
    public static IReadOnlyList<PurchaseChannel> WellKnown { get; } = [Web, Store, App, Phone];

    /// <summary>The channel with this name: a well-known one, or a custom one ("marketplace").</summary>
    /// <exception cref="ArgumentException">The name is empty or not of the allowed form.</exception>
    public static PurchaseChannel FromName(string name) => FromName(name, WellKnown, static n => new PurchaseChannel(n));
}
