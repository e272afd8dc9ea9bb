using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>Coupons by id, as created (the request's JSON) with their state.</summary>
    public ConcurrentDictionary<string, FakeCoupon> Coupons { get; } = new(StringComparer.Ordinal);
}

/// <summary>A coupon in the fake.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Settings">The create request's JSON.</param>
/// <param name="Created">Creation time (Unix seconds).</param>
public sealed class FakeCoupon(string Id, JsonObject Settings, long Created)
{
    /// <summary>Its id.</summary>
    public string Id { get; } = Id;

    /// <summary>The create request's JSON.</summary>
    public JsonObject Settings { get; } = Settings;

    /// <summary>Creation time (Unix seconds).</summary>
    public long Created { get; } = Created;

    /// <summary>DRAFT, RUNNING or CLOSED.</summary>
    public string Status { get; set; } = "RUNNING";
}
