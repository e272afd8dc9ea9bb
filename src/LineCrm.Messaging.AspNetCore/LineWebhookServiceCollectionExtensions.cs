using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>Registers the LINE webhook endpoint's services.</summary>
public static class LineWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>app.MapLineWebhook(...)</c> needs: options (validated at start-up), the background dispatcher
    /// (a hosted service), and the in-memory <see cref="IWebhookEventIdStore"/> unless another one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, at least one channel secret.</param>
    /// <returns>A builder to add handlers with.</returns>
    public static LineWebhookBuilder AddLineWebhook(this IServiceCollection services, Action<LineWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
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
