using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Serialization;
using LineCrm.Messaging.Testing;

namespace LineCrm.Benchmarks.Messaging;

/// <summary>
/// Sustained pushes against the loopback fake LINE server (Kestrel, schema validation on), 8 in flight at a time:
/// the full client (validation, retry key, Polly, telemetry; client-side rate limits off so the figure is the
/// pipeline's, not LINE's 2,000/s) against a bare HttpClient POST of the same pre-serialized body.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(5)]
public class PushThroughputBenchmarks
{
    private const int Pushes = 256;
    private const int InFlight = 8;
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    private FakeLineServer _server = null!;
    private HttpClient _http = null!;
    private LineMessagingClient _client = null!;
    private byte[] _body = null!;
    private Uri _pushUri = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await FakeLineServer.StartAsync(LineOpenApiDocument.LoadEmbedded("messaging-api.yml"), FakeLineServer.DefaultAccessToken);
        _http = new HttpClient();
        var options = new LineMessagingOptions
        {
            ApiBaseAddress = _server.ApiBaseAddress,
            DataApiBaseAddress = _server.DataApiBaseAddress,
            ChannelAccessToken = _server.AccessToken,
        };
        options.RateLimits.Enabled = false;
        _client = new LineMessagingClient(_http, options);
        _body = JsonSerializer.SerializeToUtf8Bytes(new PushMessageRequest(UserId, [new TextMessage("hello")]), LineJsonContext.Default.PushMessageRequest);
        _pushUri = new Uri(_server.ApiBaseAddress, "v2/bot/message/push");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pushes, Description = "bare HttpClient POST")]
    public Task Bare() => Run(async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _pushUri) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeLineServer.DefaultAccessToken);
        request.Headers.TryAddWithoutValidation("X-Line-Retry-Key", Guid.NewGuid().ToString("D"));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    });

    [Benchmark(OperationsPerInvoke = Pushes, Description = "LineMessagingClient.PushMessageAsync")]
    public Task Client() => Run(() => _client.PushMessageAsync(UserId, [new TextMessage("hello")]));

    private static Task Run(Func<Task> push) =>
        Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            for (var i = 0; i < Pushes / InFlight; i++)
            {
                await push();
            }
        }));
}
