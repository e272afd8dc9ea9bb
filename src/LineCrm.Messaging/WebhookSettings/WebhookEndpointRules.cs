namespace LineCrm.Messaging.WebhookSettings;

/// <summary>LINE's rules for a webhook URL, checked before anything is sent.</summary>
public static class WebhookEndpointRules
{
    /// <summary>The longest URL LINE accepts, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Throws when <paramref name="endpoint"/> is not an absolute https URL of at most <see cref="MaxLength"/> characters.</summary>
    internal static void Check(Uri endpoint, string paramName)
    {
        ArgumentNullException.ThrowIfNull(endpoint, paramName);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps || endpoint.Host.Length == 0)
        {
            throw new ArgumentException(
                $"endpoint must be an absolute https URL (LINE only calls webhooks over TLS); it is '{endpoint.OriginalString}'.", paramName);
        }

        // The URL goes on the wire as written (System.Text.Json writes Uri.OriginalString), so that is what is measured.
        if (endpoint.OriginalString.Length > MaxLength)
        {
            throw new ArgumentException(
                $"endpoint must be at most {MaxLength} characters; it is {endpoint.OriginalString.Length}.", paramName);
        }
    }
}
