using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tokens;

namespace LineCrm.Messaging.Tests.Support;

/// <summary>A fake LINE server with a registered Assertion Signing Key, and a token client pointed at it.</summary>
internal sealed class FakeTokenHarness : IAsyncDisposable
{
    public const string KeyId = "kid-console-1";
    private readonly HttpClient _http;

    private FakeTokenHarness(FakeLineServer server, LineChannelTokenClient client, HttpClient http, LineAssertionSigningKey key)
    {
        Server = server;
        Client = client;
        _http = http;
        Key = key;
    }

    public FakeLineServer Server { get; }

    public LineChannelTokenClient Client { get; }

    public LineAssertionSigningKey Key { get; }

    public string ChannelId => Server.Platform.ChannelId;

    public string ChannelSecret => Server.Platform.ChannelSecret;

    public static async Task<FakeTokenHarness> StartAsync()
    {
        var server = await FakeLineServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var (jwk, publicKey) = TestSigningKeys.NewKey();
        server.Platform.AssertionKeys[KeyId] = publicKey;
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new LineChannelTokenClient(http, FakeLineHarness.FastOptions(server));
        return new FakeTokenHarness(server, client, http, LineAssertionSigningKey.FromJwk(jwk, KeyId));
    }

    public string Assertion(TimeSpan? lifetime = null) => LineJwtAssertion.Create(Key, ChannelId, DateTimeOffset.UtcNow, lifetime);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        Key.Dispose();
        await Server.DisposeAsync();
    }
}
