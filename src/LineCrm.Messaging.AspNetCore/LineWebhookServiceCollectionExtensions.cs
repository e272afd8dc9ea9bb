using LineCrm.Messaging.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The namespace of IServiceCollection, as .NET's own AddXxx methods use, so registration needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LINE webhook endpoint's services.</summary>
public static class LineWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>app.MapLineWebhook(...)</c> needs: options (validated at start-up), the background dispatcher
    /// (a hosted service), and the in-memory <see cref="IWebhookEventIdStore"/> unless another one is registered.
    /// The options are bound from the section <c>LineWebhook</c> of the app's <see cref="IConfiguration"/> when
    /// there is one (<c>LineWebhook:Channels:0:Secret</c>, <c>LineWebhook:MaxBodySize</c>, ...), then
    /// <paramref name="configure"/> runs.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, at least one channel secret unless configuration has it.</param>
    /// <returns>A builder to add handlers with.</returns>
    public static LineWebhookBuilder AddLineWebhook(this IServiceCollection services, Action<LineWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LineWebhookOptions>, LineWebhookConfigurationSection>());
        return services.AddLineWebhookServices(configure);
    }

    /// <summary>
    /// Adds what <c>app.MapLineWebhook(...)</c> needs, with options bound from <paramref name="configuration"/> (for
    /// example <c>builder.Configuration.GetSection("Line:Webhook")</c>) instead of the section <c>LineWebhook</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>Channels</c>, <c>MaxBodySize</c> and the other options.</param>
    /// <returns>A builder to add handlers with.</returns>
    public static LineWebhookBuilder AddLineWebhook(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // A lambda, not the method group: the configuration binding generator intercepts only direct, typed calls.
        return services.AddLineWebhookServices(options => configuration.Bind(options));
    }

    private static LineWebhookBuilder AddLineWebhookServices(this IServiceCollection services, Action<LineWebhookOptions>? configure)
    {
        var options = services.AddOptions<LineWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LineWebhookOptions>, LineWebhookOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookEventIdStore, InMemoryWebhookEventIdStore>();
        services.TryAddSingleton<WebhookTelemetry>();
        services.TryAddSingleton<WebhookEventInvoker>();
        services.TryAddSingleton<LineWebhookEndpoint>();
        if (!services.Any(d => d.ServiceType == typeof(WebhookDispatcher)))
        {
            services.AddSingleton<WebhookDispatcher>();
            services.AddHostedService(static sp => sp.GetRequiredService<WebhookDispatcher>());
        }

        return new LineWebhookBuilder(services);
    }
}
