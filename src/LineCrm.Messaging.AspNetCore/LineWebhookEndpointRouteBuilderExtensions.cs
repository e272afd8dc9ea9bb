using LineCrm.Messaging.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

// The namespace of WebApplication and MapPost, so mapping the endpoint needs no extra using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the LINE webhook endpoint.</summary>
public static class LineWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the LINE webhook endpoint: raw body within
    /// <see cref="LineWebhookOptions.MaxBodySize"/> (else 413), <c>X-Line-Signature</c> checked (else 401), parsed
    /// (else 400), then 200 at once while the events go to the handlers in the background. Needs
    /// <c>services.AddLineWebhook(...)</c>.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <c>/callback</c> by default.</param>
    /// <returns>The endpoint's convention builder (for example to add a host filter or rate limiting).</returns>
    /// <exception cref="InvalidOperationException"><c>AddLineWebhook</c> was not called.</exception>
    public static IEndpointConventionBuilder MapLineWebhook(this IEndpointRouteBuilder endpoints, string pattern = "/callback")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var endpoint = endpoints.ServiceProvider.GetService<LineWebhookEndpoint>()
            ?? throw new InvalidOperationException("MapLineWebhook needs services.AddLineWebhook(...) first.");
        return endpoints.MapPost(pattern, endpoint.HandleAsync).WithDisplayName($"LINE webhook {pattern}");
    }
}
