namespace LineCrm.Messaging.Client;

/// <summary>
/// Settings of one LINE channel's client: where the API lives, the token, retries, timeouts and client-side rate
/// limits. Defaults are LINE's production hosts and LINE's published rate limits.
/// </summary>
public sealed class LineMessagingOptions
{
    /// <summary>LINE's API host, <c>https://api.line.me/</c>.</summary>
    public static readonly Uri DefaultApiBaseAddress = new("https://api.line.me/");

    /// <summary>LINE's data host for content uploads and downloads, <c>https://api-data.line.me/</c>.</summary>
    public static readonly Uri DefaultDataApiBaseAddress = new("https://api-data.line.me/");

    /// <summary>The API host (<c>api.line.me</c>); tests point it at a loopback fake.</summary>
    public Uri ApiBaseAddress { get; set; } = DefaultApiBaseAddress;

    /// <summary>The data host (<c>api-data.line.me</c>) for content operations.</summary>
    public Uri DataApiBaseAddress { get; set; } = DefaultDataApiBaseAddress;

    /// <summary>
    /// A long-lived channel access token. When set, the client uses it as is; when not, dependency injection needs an
    /// <see cref="Tokens.ILineChannelTokenProvider"/> registered for the channel. Never logged.
    /// </summary>
    public string? ChannelAccessToken { get; set; }

    /// <summary>How failed attempts are retried.</summary>
    public LineRetryOptions Retry { get; } = new();

    /// <summary>Client-side rate limits, so bulk work queues instead of collecting 429s.</summary>
    public LineRateLimitOptions RateLimits { get; } = new();

    /// <summary>How long one attempt may take before it counts as timed out (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks the settings and returns what is wrong, one sentence per problem (empty when all is well). Dependency
    /// injection runs this at start-up; the client's constructor throws when it finds anything.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckAddress(problems, nameof(ApiBaseAddress), ApiBaseAddress);
        CheckAddress(problems, nameof(DataApiBaseAddress), DataApiBaseAddress);
        if (ChannelAccessToken is not null && (ChannelAccessToken.Length == 0 || ChannelAccessToken.Any(char.IsWhiteSpace)))
        {
            problems.Add($"{nameof(ChannelAccessToken)} must be non-empty and contain no white space when it is set.");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(AttemptTimeout)} must be positive, got {AttemptTimeout}.");
        }

        Retry.Validate(problems);
        RateLimits.Validate(problems);
        return problems;
    }

    private static void CheckAddress(List<string> problems, string name, Uri? address)
    {
        if (address is null || !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{name} must be an absolute http(s) address, got '{address}'.");
        }
    }
}
