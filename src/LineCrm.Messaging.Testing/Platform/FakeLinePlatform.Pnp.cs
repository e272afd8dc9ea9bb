using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>Accepted LINE notification messages (PNP), in order.</summary>
    public ConcurrentQueue<FakePnpDelivery> PnpDeliveries { get; } = new();

    /// <summary>SHA-256 hashes (lowercase hex) of phone numbers that LINE cannot message; a send to one is a 422.</summary>
    public ConcurrentDictionary<string, bool> UnreachablePhoneHashes { get; } = new(StringComparer.Ordinal);
}

/// <summary>A LINE notification message the fake accepted.</summary>
/// <param name="To">The hashed phone number as sent.</param>
/// <param name="DeliveryTag">The <c>X-Line-Delivery-Tag</c>, when sent.</param>
/// <param name="MessagesJson">The <c>messages</c> array as JSON.</param>
/// <param name="NotificationDisabled">Whether the push notification was switched off.</param>
public sealed record FakePnpDelivery(string To, string? DeliveryTag, string MessagesJson, bool NotificationDisabled);
