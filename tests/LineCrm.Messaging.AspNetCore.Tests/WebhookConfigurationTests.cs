using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LineCrm.Messaging.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>
/// <c>AddLineWebhook()</c> binds <c>LineWebhook:*</c> from the app's configuration, <c>AddLineWebhook(section)</c> any
/// section, and what is missing or wrong stops the real app (Kestrel on 127.0.0.1) at start-up.
/// </summary>
public sealed class WebhookConfigurationTests
{
    private const string Secret = "configured_channel_secret";

    [Fact]
    public async Task The_LineWebhook_section_configures_the_endpoint_that_the_app_serves()
    {
        await using var app = await StartAsync(
            services => services.AddLineWebhook(),
            new() { ["LineWebhook:Channels:0:Secret"] = Secret, ["LineWebhook:MaxBodySize"] = "4096" });

        using var signed = await PostAsync(app, Payloads.Follow("01JCONFIG000000000000000001"), Secret);
        using var wrongSecret = await PostAsync(app, Payloads.Follow("01JCONFIG000000000000000002"), "another_secret");
        using var tooLarge = await PostAsync(app, new string(' ', 5000), Secret);

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge),
            (signed.StatusCode, wrongSecret.StatusCode, tooLarge.StatusCode));
    }

    [Fact]
    public async Task Another_section_binds_through_the_IConfiguration_overload()
    {
        await using var app = await StartAsync(
            (services, configuration) => services.AddLineWebhook(configuration.GetSection("Line:Webhook")),
            new() { ["Line:Webhook:Channels:0:Secret"] = Secret, ["Line:Webhook:Channels:0:Destination"] = "Ubot", ["Line:Webhook:MaxConcurrency"] = "2" });

        var options = app.Services.GetRequiredService<IOptions<LineWebhookOptions>>().Value;

        Assert.Equal((Secret, "Ubot", 2), (options.Channels.Single().Secret, options.Channels.Single().Destination, options.MaxConcurrency));
    }

    [Fact]
    public async Task Code_runs_after_configuration_so_it_has_the_last_word()
    {
        await using var app = await StartAsync(
            services => services.AddLineWebhook(options => options.QueueCapacity = 7),
            new() { ["LineWebhook:Channels:0:Secret"] = Secret, ["LineWebhook:QueueCapacity"] = "99", ["LineWebhook:DeduplicationWindow"] = "00:05:00" });

        var options = app.Services.GetRequiredService<IOptions<LineWebhookOptions>>().Value;

        Assert.Equal((7, TimeSpan.FromMinutes(5)), (options.QueueCapacity, options.DeduplicationWindow));
    }

    [Fact]
    public async Task No_secret_anywhere_stops_the_app_at_start_up_naming_the_configuration_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(services => services.AddLineWebhook(), []));

        Assert.Contains(error.Failures, f => f.Contains("LineWebhook:Channels:0:Secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_configured_value_stops_the_app_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(
            services => services.AddLineWebhook(),
            new() { ["LineWebhook:Channels:0:Secret"] = Secret, ["LineWebhook:MaxBodySize"] = "0" }));

        Assert.Contains(error.Failures, f => f.Contains("MaxBodySize", StringComparison.Ordinal));
    }

    private static Task<WebApplication> StartAsync(Action<IServiceCollection> register, Dictionary<string, string?> configuration) =>
        StartAsync((services, _) => register(services), configuration);

    private static async Task<WebApplication> StartAsync(
        Action<IServiceCollection, IConfiguration> register, Dictionary<string, string?> configuration)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration);
        register(builder.Services, builder.Configuration);
        var app = builder.Build();
        app.MapLineWebhook("/callback");
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private static async Task<HttpResponseMessage> PostAsync(WebApplication app, string body, string secret)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callback") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(secret, bytes));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
