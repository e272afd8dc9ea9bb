using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Tests.Support;

/// <summary>A fake LINE server and a client pointed at it, with fast retries so fault tests stay quick.</summary>
internal sealed class FakeLineHarness : IAsyncDisposable
{
    private readonly HttpClient _http;

    private FakeLineHarness(FakeLineServer server, LineMessagingClient client, HttpClient http, LineMessagingOptions options)
    {
        Server = server;
        Client = client;
        Options = options;
        _http = http;
    }

    public FakeLineServer Server { get; }

    public LineMessagingClient Client { get; }

    public LineMessagingOptions Options { get; }

    public static async Task<FakeLineHarness> StartAsync(
        Action<LineMessagingOptions>? configure = null, TimeProvider? time = null, ILogger<LineMessagingClient>? logger = null)
    {
        var server = await FakeLineServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var options = FastOptions(server);
        configure?.Invoke(options);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new LineMessagingClient(http, options, tokenProvider: null, logger, time);
        return new FakeLineHarness(server, client, http, options);
    }

    public static LineMessagingOptions FastOptions(FakeLineServer server)
    {
        var options = new LineMessagingOptions
        {
            ApiBaseAddress = server.ApiBaseAddress,
            DataApiBaseAddress = server.DataApiBaseAddress,
            ChannelAccessToken = server.AccessToken,
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
