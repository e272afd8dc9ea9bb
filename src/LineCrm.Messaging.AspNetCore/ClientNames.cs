namespace LineCrm.Messaging.AspNetCore;

/// <summary>Which <c>AddLineMessaging</c> client answers which destination, from the configured channels.</summary>
internal static class ClientNames
{
    public static Dictionary<string, string> Of(LineWebhookOptions options) => options.Channels
        .Where(c => !string.IsNullOrEmpty(c.Destination) && !string.IsNullOrEmpty(c.MessagingChannelName))
        .GroupBy(c => c.Destination!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().MessagingChannelName!, StringComparer.Ordinal);
}
