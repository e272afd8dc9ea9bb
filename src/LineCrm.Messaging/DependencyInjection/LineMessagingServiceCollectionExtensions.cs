using LineCrm.Messaging.Client;
using LineCrm.Messaging.DependencyInjection;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The namespace of IServiceCollection, as .NET's own AddXxx methods use, so registration needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LineMessagingClient"/> for one or more LINE channels.</summary>
public static class LineMessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default channel's <see cref="LineMessagingClient"/> (a singleton) with options validated when the
    /// host starts and an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example the channel access token.</param>
    /// <returns>The HttpClient's builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddLineMessaging(this IServiceCollection services, Action<LineMessagingOptions> configure) =>
        services.AddLineMessaging(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers the default channel's <see cref="LineMessagingClient"/> with options bound from
    /// <paramref name="configuration"/>, for example <c>builder.Configuration.GetSection("LineMessaging")</c> with
    /// keys <c>ChannelAccessToken</c>, <c>ApiBaseAddress</c>, <c>AttemptTimeout</c>, <c>Retry:MaxRetries</c> and
    /// <c>RateLimits:RequestsPerSecond</c>. Validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the channel.</param>
    /// <returns>The HttpClient's builder.</returns>
    public static IHttpClientBuilder AddLineMessaging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddLineMessaging(Options.Options.DefaultName, configuration);

    /// <summary>
    /// Registers the client of the channel named <paramref name="channelName"/> with options bound from
    /// <paramref name="configuration"/> (the keys of <see cref="AddLineMessaging(IServiceCollection, IConfiguration)"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="channelName">The channel's name (the options name and the service key).</param>
    /// <param name="configuration">The configuration section of the channel.</param>
    /// <returns>The HttpClient's builder.</returns>
    public static IHttpClientBuilder AddLineMessaging(this IServiceCollection services, string channelName, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // A lambda, not the method group: the configuration binding generator intercepts only direct, typed calls.
        return services.AddLineMessaging(channelName, options => configuration.Bind(options));
    }

    /// <summary>
    /// Registers the client of the channel named <paramref name="channelName"/>, resolved as a keyed service:
    /// <c>[FromKeyedServices("shop-tokyo")] LineMessagingClient client</c>. The default channel's name is the empty
    /// string, and it is also registered without a key. A token provider registered as a keyed
    /// <see cref="ILineChannelTokenProvider"/> under the channel's name wins over
    /// <see cref="LineMessagingOptions.ChannelAccessToken"/>; a channel with neither stops the host at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="channelName">The channel's name (the options name and the service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient's builder (its name is <see cref="HttpClientName"/>).</returns>
    public static IHttpClientBuilder AddLineMessaging(
        this IServiceCollection services, string channelName, Action<LineMessagingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(channelName);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<LineMessagingOptions>(channelName).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LineMessagingOptions>, LineMessagingOptionsValidator>());
        services.AddSingleton<IValidateOptions<LineMessagingOptions>>(
            provider => new LineChannelTokenValidator(channelName, provider.GetService<IServiceProviderIsKeyedService>()));
        services.TryAddSingleton(TimeProvider.System);

        var httpClientName = HttpClientName(channelName);
        services.AddKeyedSingleton(channelName, (provider, _) => Create(provider, channelName, httpClientName));
        if (channelName == Options.Options.DefaultName)
        {
            services.AddSingleton(provider => provider.GetRequiredKeyedService<LineMessagingClient>(channelName));
        }

        // Polly bounds each attempt (LineMessagingOptions.AttemptTimeout); HttpClient's own 100 s timeout would cut
        // across retries and backoff, so it is switched off here.
        // The Authorization header carries the channel token. HttpClientFactory's default request logging writes
        // headers at Trace level as structured state, and RedactLoggedHeaders redacts only its text: the state keeps
        // the raw values, which a sink that writes arrays would print. So that logging is removed for this client (the
        // client logs each operation, status and request id itself); the redaction stays for loggers added later.
        return services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .RedactLoggedHeaders(LineHeaders.IsSecret);
    }

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client used by the channel <paramref name="channelName"/>.</summary>
    /// <param name="channelName">The channel's name.</param>
    public static string HttpClientName(string channelName) => "LineCrm.Messaging:" + channelName;

    private static LineMessagingClient Create(IServiceProvider provider, string channelName, string httpClientName)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<LineMessagingOptions>>().Get(channelName);
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var tokens = provider.GetKeyedService<ILineChannelTokenProvider>(channelName);
        if (tokens is null && options.ChannelAccessToken is null)
        {
            // Start-up validation reports this first; a container without IServiceProviderIsKeyedService lands here.
            throw new InvalidOperationException(LineChannelTokenValidator.MissingTokenMessage(channelName));
        }

        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<LineMessagingClient>();

        // A factory call per request, not one HttpClient kept for ever: handlers rotate and DNS changes are seen.
        return new LineMessagingClient(
            () => factory.CreateClient(httpClientName), options, tokens, logger, provider.GetRequiredService<TimeProvider>());
    }
}
