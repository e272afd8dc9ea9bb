using LineCrm.Messaging.Messages;

namespace LineCrm.Messaging.Pnp;

/// <summary>The body of <c>pushMessagesByPhone</c>: <c>to</c> is the SHA-256 of the E.164 number, never the number.</summary>
internal sealed record PnpMessagesRequest(string To, IReadOnlyList<Message> Messages)
{
    public bool? NotificationDisabled { get; init; }
}

/// <summary>LINE's limits for LINE notification messages, checked before sending.</summary>
public static class PnpRules
{
    /// <summary>The fewest characters of an <c>X-Line-Delivery-Tag</c>.</summary>
    public const int DeliveryTagMinLength = 16;

    /// <summary>The most characters of an <c>X-Line-Delivery-Tag</c>.</summary>
    public const int DeliveryTagMaxLength = 100;
}
