using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Binds <see cref="LineWebhookOptions"/> from the app configuration's section <see cref="SectionName"/>. The
/// configuration is optional: a container without <see cref="IConfiguration"/> (a bare <c>ServiceCollection</c>)
/// binds nothing, where <c>BindConfiguration</c> would throw.
/// </summary>
internal sealed class LineWebhookConfigurationSection(IServiceProvider services) : IConfigureOptions<LineWebhookOptions>
{
    public const string SectionName = "LineWebhook";

    public void Configure(LineWebhookOptions options) =>
        services.GetService<IConfiguration>()?.GetSection(SectionName).Bind(options);
}
