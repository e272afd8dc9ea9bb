using LineCrm.Messaging.Client;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.DependencyInjection;

/// <summary>Registers <see cref="LineMessagingClient"/> for one or more LINE channels.</summary>
public static class LineMessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default channel's <see cref="LineMessagingClient"/> (a singleton) with validated options and an
    /// <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example the channel access token.</param>
    /// <returns>The HttpClient's builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddLineMessaging(this IServiceCollection services, Action<LineMessagingOptions> configure) =>
        services.AddLineMessaging(Options.DefaultName, configure);

    /// <summary>
    /// Registers the client of the channel named <paramref name="channelName"/>, resolved as a keyed service:
    /// <c>[FromKeyedServices("shop-tokyo")] LineMessagingClient client</c>. The default channel's name is the empty
    /// string, and it is also registered without a key. A token provider registered as a keyed
    /// <see cref="ILineChannelTokenProvider"/> under the channel's name wins over
    /// <see cref="LineMessagingOptions.ChannelAccessToken"/>.
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
        services.TryAddSingleton(TimeProvider.System);

        var httpClientName = HttpClientName(channelName);
        services.AddKeyedSingleton(channelName, (provider, _) => Create(provider, channelName, httpClientName));
        if (channelName == Options.DefaultName)
        {
            services.AddSingleton(provider => provider.GetRequiredKeyedService<LineMessagingClient>(channelName));
        }

        // Polly bounds each attempt (LineMessagingOptions.AttemptTimeout); HttpClient's own 100 s timeout would cut
        // across retries and backoff, so it is switched off here.
        return services.AddHttpClient(httpClientName).ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
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
            throw new InvalidOperationException(
                $"LINE channel '{channelName}' has no token: set LineMessagingOptions.ChannelAccessToken or register a keyed "
                + $"{nameof(ILineChannelTokenProvider)} under '{channelName}'.");
        }

        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<LineMessagingClient>();

        // A factory call per request, not one HttpClient kept for ever: handlers rotate and DNS changes are seen.
        return new LineMessagingClient(
            () => factory.CreateClient(httpClientName), options, tokens, logger, provider.GetRequiredService<TimeProvider>());
    }
}
