namespace LineCrm.Samples.WebhookBot;

/// <summary>Where the member site lives, as users' phones reach it (the link in the bot's message points there).</summary>
public sealed class SiteOptions
{
    /// <summary>The site's public base URL, for example <c>https://shop.example.com/</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = new("https://localhost:5001/");

    /// <summary>How long a nonce made for a link waits for LINE's accountLink event.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
