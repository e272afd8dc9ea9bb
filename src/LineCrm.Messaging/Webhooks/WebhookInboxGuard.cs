namespace LineCrm.Messaging.Webhooks;

/// <summary>The argument checks of the inbox records and of every inbox implementation, one message per mistake.</summary>
internal static class WebhookInboxGuard
{
    public static string Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{field} is {value.Length} characters long; the limit is {maxLength}.", field);
        }

        return value;
    }

    public static string Destination(string? value, string field)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        if (value.Length > WebhookInboxLimits.MaxDestinationLength)
        {
            throw new ArgumentException($"{field} is {value.Length} characters long; the limit is {WebhookInboxLimits.MaxDestinationLength}.", field);
        }

        return value;
    }
}
