using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>The account's membership plans, by id; tests add plans and members.</summary>
    public ConcurrentDictionary<long, FakeMembership> Memberships { get; } = new();
}

/// <summary>A membership plan in the fake.</summary>
/// <param name="Id">The plan id.</param>
/// <param name="Title">The plan's name.</param>
/// <param name="Price">The monthly fee.</param>
/// <param name="Currency">JPY, TWD or THB.</param>
public sealed class FakeMembership(long Id, string Title, decimal Price, string Currency = "JPY")
{
    /// <summary>The plan id.</summary>
    public long Id { get; } = Id;

    /// <summary>The plan's name.</summary>
    public string Title { get; } = Title;

    /// <summary>The monthly fee.</summary>
    public decimal Price { get; } = Price;

    /// <summary>The fee's currency.</summary>
    public string Currency { get; } = Currency;

    /// <summary>The upper limit of members; null for none.</summary>
    public int? MemberLimit { get; set; }

    /// <summary>Members: user id to the time they joined (Unix seconds).</summary>
    public ConcurrentDictionary<string, long> Members { get; } = new(StringComparer.Ordinal);
}
