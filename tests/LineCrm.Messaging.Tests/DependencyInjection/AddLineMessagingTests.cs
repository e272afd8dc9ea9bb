using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.Tests.DependencyInjection;

public sealed class AddLineMessagingTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    [Fact]
    public async Task The_default_channel_resolves_one_client_that_sends_through_the_http_client_factory()
    {
        await using var server = await FakeLineServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        var handlerCalls = 0;
        services.AddLineMessaging(options => Point(options, server))
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref handlerCalls)));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LineMessagingClient>();
        await client.PushMessageAsync(UserId, [new TextMessage("hi")], TestContext.Current.CancellationToken);

        Assert.Same(client, provider.GetRequiredService<LineMessagingClient>());
        Assert.Same(client, provider.GetRequiredKeyedService<LineMessagingClient>(string.Empty));
        Assert.Equal(1, handlerCalls);
        Assert.Single(server.RequestsOf("pushMessage"));
    }

    [Fact]
    public async Task Several_channels_are_keyed_services_with_their_own_tokens()
    {
        await using var tokyo = await FakeLineServer.StartAsync("tokyo-token", TestContext.Current.CancellationToken);
        await using var osaka = await FakeLineServer.StartAsync("osaka-token", TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddLineMessaging("tokyo", options => Point(options, tokyo));
        services.AddLineMessaging("osaka", options => Point(options, osaka, token: null));
        services.AddKeyedSingleton<ILineChannelTokenProvider>("osaka", new FixedChannelTokenProvider("osaka-token"));
        await using var provider = services.BuildServiceProvider();

        var ct = TestContext.Current.CancellationToken;
        await provider.GetRequiredKeyedService<LineMessagingClient>("tokyo").PushMessageAsync(UserId, [new TextMessage("t")], ct);
        await provider.GetRequiredKeyedService<LineMessagingClient>("osaka").PushMessageAsync(UserId, [new TextMessage("o")], ct);

        Assert.Equal("Bearer tokyo-token", Assert.Single(tokyo.Requests).Authorization);
        Assert.Equal("Bearer osaka-token", Assert.Single(osaka.Requests).Authorization);
        Assert.Null(provider.GetService<LineMessagingClient>()); // no default channel was registered
    }

    [Fact]
    public void Invalid_options_are_reported_with_the_channel_and_the_setting()
    {
        var services = new ServiceCollection();
        services.AddLineMessaging("shop", options =>
        {
            options.ChannelAccessToken = "t";
            options.ApiBaseAddress = new Uri("/relative", UriKind.Relative);
            options.Retry.MaxRetries = -1;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<LineMessagingClient>("shop"));

        Assert.Contains(error.Failures, f => f.Contains("'shop'", StringComparison.Ordinal) && f.Contains("ApiBaseAddress", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetries", StringComparison.Ordinal) && f.Contains("-1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_channel_without_a_token_or_provider_fails_its_options_validation_and_says_how_to_fix_it()
    {
        var services = new ServiceCollection();
        services.AddLineMessaging("bare", _ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<LineMessagingClient>("bare"));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("'bare'", failure, StringComparison.Ordinal);
        Assert.Contains("ChannelAccessToken", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_can_be_replaced_by_a_derived_test_double()
    {
        var services = new ServiceCollection();
        services.AddSingleton<LineMessagingClient, RecordingClient>();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LineMessagingClient>();

        var response = await client.ReplyTextAsync("token", "hi", TestContext.Current.CancellationToken);

        Assert.Equal("hi", ((TextMessage)((RecordingClient)client).Replies.Single().Messages[0]).Text);
        Assert.Equal("fake-id", response.Value.SentMessages[0].Id);
    }

    private static void Point(LineMessagingOptions options, FakeLineServer server, string? token = "")
    {
        options.ApiBaseAddress = server.ApiBaseAddress;
        options.DataApiBaseAddress = server.DataApiBaseAddress;
        options.ChannelAccessToken = token == string.Empty ? server.AccessToken : token;
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingClient : LineMessagingClient
    {
        public List<ReplyMessageRequest> Replies { get; } = [];

        public override Task<LineResponse<ReplyMessageResponse>> ReplyMessageAsync(ReplyMessageRequest request, CancellationToken cancellationToken = default)
        {
            Replies.Add(request);
            return Task.FromResult(new LineResponse<ReplyMessageResponse>(200, "req", new ReplyMessageResponse([new SentMessage("fake-id")])));
        }
    }
}
