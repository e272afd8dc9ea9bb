using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.Tests.DependencyInjection;

/// <summary>A real generic host: what is wrong with a channel stops <c>StartAsync</c>, before any request is sent.</summary>
public sealed class StartupValidationTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    [Fact]
    public async Task A_channel_without_a_token_stops_the_host_at_start_up_naming_the_channel_and_the_key()
    {
        using var host = Build(services => services.AddLineMessaging("shop-tokyo", _ => { }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("'shop-tokyo'", failure, StringComparison.Ordinal);
        Assert.Contains("ChannelAccessToken", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyed_token_provider_is_a_token_for_start_up()
    {
        using var host = Build(services =>
        {
            services.AddLineMessaging("shop-osaka", _ => { });
            services.AddKeyedSingleton<ILineChannelTokenProvider>("shop-osaka", new FixedChannelTokenProvider("t"));
        });

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(host.Services.GetRequiredKeyedService<LineMessagingClient>("shop-osaka"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Every_bad_setting_of_every_channel_is_reported_at_once()
    {
        using var host = Build(services =>
        {
            services.AddLineMessaging(options =>
            {
                options.ChannelAccessToken = "t";
                options.AttemptTimeout = TimeSpan.Zero;
            });
            services.AddLineMessaging("other", options => options.DataApiBaseAddress = new Uri("ftp://example.com/"));
        });

        // The host validates each channel's options and throws them together when more than one fails.
        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var failures = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.Contains("AttemptTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'other'", StringComparison.Ordinal) && f.Contains("DataApiBaseAddress", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'other'", StringComparison.Ordinal) && f.Contains("ChannelAccessToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_options_bind_from_a_configuration_section_and_the_client_sends_with_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeLineServer.StartAsync("configured-token", ct);
        using var host = Build(
            (services, configuration) => services.AddLineMessaging(configuration.GetSection("Line:Shop")),
            new Dictionary<string, string?>
            {
                ["Line:Shop:ChannelAccessToken"] = "configured-token",
                ["Line:Shop:ApiBaseAddress"] = server.ApiBaseAddress.ToString(),
                ["Line:Shop:DataApiBaseAddress"] = server.DataApiBaseAddress.ToString(),
                ["Line:Shop:AttemptTimeout"] = "00:00:07",
                ["Line:Shop:Retry:MaxRetries"] = "2",
                ["Line:Shop:RateLimits:RequestsPerSecond"] = "123",
            });
        await host.StartAsync(ct);

        var options = host.Services.GetRequiredService<IOptionsMonitor<LineMessagingOptions>>().Get(Options.DefaultName);
        await host.Services.GetRequiredService<LineMessagingClient>().PushMessageAsync(UserId, [new TextMessage("hi")], ct);

        Assert.Equal((TimeSpan.FromSeconds(7), 2, 123), (options.AttemptTimeout, options.Retry.MaxRetries, options.RateLimits.RequestsPerSecond));
        Assert.Equal("Bearer configured-token", Assert.Single(server.RequestsOf("pushMessage")).Authorization);
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task A_bad_value_in_configuration_stops_the_host_naming_the_setting()
    {
        using var host = Build(
            (services, configuration) => services.AddLineMessaging("shop", configuration.GetSection("Shop")),
            new Dictionary<string, string?> { ["Shop:ChannelAccessToken"] = "t", ["Shop:Retry:MaxRetries"] = "99" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.Contains("MaxRetries", StringComparison.Ordinal) && f.Contains("99", StringComparison.Ordinal));
    }

    private static IHost Build(Action<IServiceCollection> register) => Build((services, _) => register(services));

    private static IHost Build(Action<IServiceCollection, IConfiguration> register, Dictionary<string, string?>? configuration = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? []);
        register(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
