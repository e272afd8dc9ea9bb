using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using LineCrm.Messaging.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// A fake LINE Messaging API over real HTTP: Kestrel on 127.0.0.1, one port for <c>api.line.me</c> and one for
/// <c>api-data.line.me</c>. It checks the bearer token, validates JSON bodies against LINE's OpenAPI schemas (a body
/// that breaks them gets LINE's 400 with <c>details</c>), records every request, honours <c>X-Line-Retry-Key</c> (a
/// repeated accepted key gets 409 with <c>x-line-accepted-request-id</c>), plays scripted or random faults and rate
/// limits, and signs webhooks for your app (<see cref="CreateWebhookSender"/>). Routes come from the OpenAPI
/// documents (<see cref="Routes"/>); behaviour is set per operationId with <see cref="FakeLineRouteTable.Handle"/>.
/// </summary>
public sealed partial class FakeLineServer : IAsyncDisposable
{
    /// <summary>The token the fake accepts unless told otherwise.</summary>
    public const string DefaultAccessToken = "fake-line-channel-token";

    private readonly WebApplication _app;
    private readonly ListenOptions _apiListener;
    private readonly ListenOptions _dataListener;
    private readonly LineOpenApiSchemaValidator _validator;
    private readonly FakeLineRateLimiter _rateLimiter;
    private readonly ConcurrentQueue<FakeLineRecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeLineDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, int> _deliveriesByRecipient = new(StringComparer.Ordinal);
    private readonly DeliveryWaiters _deliveryWaiters = new();
    private readonly ConcurrentDictionary<string, AcceptedKey> _acceptedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _keyLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeLineFault> _scriptedFaults = new();
    private readonly Lock _randomLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Random? _random;
    private FakeLineFaultMix? _faultMix;
    private long _requestCounter;

    private FakeLineServer(FakeLineServerOptions options)
    {
        Document = options.Document ?? LineOpenApiDocument.LoadPlatform();
        AccessToken = options.AccessToken;
        TimeProvider = options.TimeProvider;
        Routes = new FakeLineRouteTable(Document);
        _validator = new LineOpenApiSchemaValidator(Document.Schemas);
        _rateLimiter = new FakeLineRateLimiter(options.TimeProvider);
        FakeLineMessagingHandlers.Register(Routes);
        FakeLinePlatformHandlers.Register(Routes);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? api = null;
        ListenOptions? data = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.ApiPort, listen => api = listen);
            kestrel.Listen(IPAddress.Loopback, options.DataApiPort, listen => data = listen);
        });
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
        _apiListener = api!;
        _dataListener = data!;
    }

    /// <summary>The OpenAPI document the routes and schemas come from.</summary>
    public LineOpenApiDocument Document { get; }

    /// <summary>The bearer token the fake accepts.</summary>
    public string AccessToken { get; }

    /// <summary>The clock of rate-limit windows, delays and webhook timestamps.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The routes: one per operation of the document; set handlers here.</summary>
    public FakeLineRouteTable Routes { get; }

    /// <summary>The fake <c>api.line.me</c>, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ApiBaseAddress { get; private set; } = null!;

    /// <summary>The fake <c>api-data.line.me</c>.</summary>
    public Uri DataApiBaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<FakeLineRecordedRequest> Requests => [.. _requests];

    /// <summary>Every accepted send (reply, push, multicast, narrowcast, broadcast), in acceptance order.</summary>
    public IReadOnlyList<FakeLineDelivery> Deliveries => [.. _deliveries];

    /// <summary>How many accepted sends reached each user id, counted on the server side.</summary>
    public IReadOnlyDictionary<string, int> DeliveriesByRecipient => _deliveriesByRecipient;

    /// <summary>Users the fake knows (for getProfile and getFollowers): display names by user id; tests may add to it.</summary>
    public ConcurrentDictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>The state of the platform operations beyond sending: tokens, audiences, rich menus, content and more.</summary>
    public FakeLinePlatform Platform { get; } = new();

    /// <summary>Reply tokens already used; a second reply with one gets 400, as at LINE.</summary>
    internal ConcurrentDictionary<string, bool> UsedReplyTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a fake on two random loopback ports, playing every operation of LINE's messaging-api.yml,
    /// manage-audience.yml, insight.yml and channel-access-token.yml (embedded in this package).
    /// </summary>
    /// <param name="accessToken">The bearer token to accept.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static Task<FakeLineServer> StartAsync(string accessToken = DefaultAccessToken, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeLineServerOptions { AccessToken = accessToken }, cancellationToken);

    /// <summary>Starts a fake for <paramref name="document"/> on two random loopback ports.</summary>
    /// <param name="document">The operations and schemas to play.</param>
    /// <param name="accessToken">The bearer token to accept.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static Task<FakeLineServer> StartAsync(LineOpenApiDocument document, string accessToken, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeLineServerOptions { Document = document, AccessToken = accessToken }, cancellationToken);

    /// <summary>Starts a fake as <paramref name="options"/> say.</summary>
    /// <param name="options">The token, document, clock and ports.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public static async Task<FakeLineServer> StartAsync(FakeLineServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = new FakeLineServer(options);
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        server.ApiBaseAddress = new Uri($"http://127.0.0.1:{server._apiListener.IPEndPoint!.Port}/");
        server.DataApiBaseAddress = new Uri($"http://127.0.0.1:{server._dataListener.IPEndPoint!.Port}/");
        return server;
    }

    /// <summary>
    /// Points a LineCrm client at this fake: its two base addresses and its token. Pass it to
    /// <c>services.AddLineMessaging(line.ConfigureClient)</c>, or call it from your own configure action.
    /// </summary>
    /// <param name="options">The client options to change.</param>
    public void ConfigureClient(LineMessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApiBaseAddress = ApiBaseAddress;
        options.DataApiBaseAddress = DataApiBaseAddress;
        options.ChannelAccessToken = AccessToken;
    }

    /// <summary>
    /// A webhook sender that posts to your app as LINE does, signed with <see cref="FakeLinePlatform.ChannelSecret"/>
    /// and stamped by <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="http">The client that reaches your app (for example <c>WebApplicationFactory.CreateClient()</c>).</param>
    public FakeLineWebhookSender CreateWebhookSender(HttpClient http) => new(http, Platform.ChannelSecret, TimeProvider);

    /// <summary>Plays <paramref name="fault"/> on the next request that matches it (scripted faults play in order).</summary>
    /// <param name="fault">The fault.</param>
    public void EnqueueFault(FakeLineFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _scriptedFaults.Enqueue(fault);
    }

    /// <summary>Plays random faults at the given rates from now on (null stops them).</summary>
    /// <param name="mix">The rates and seed, or null.</param>
    public void UseFaultMix(FakeLineFaultMix? mix)
    {
        lock (_randomLock)
        {
            _faultMix = mix;
            _random = mix is null ? null : new Random(mix.Seed);
        }
    }

    /// <summary>
    /// Limits requests from now on, as LINE limits each endpoint per channel: past the limit within a window, a request
    /// is answered 429 and not acted on. A new limit for the same operation (or for all) replaces the old one.
    /// </summary>
    /// <param name="limit">The limit.</param>
    public void SetRateLimit(FakeLineRateLimit limit) => _rateLimiter.Set(limit);

    /// <summary>Removes every rate limit.</summary>
    public void ClearRateLimits() => _rateLimiter.Clear();

    /// <summary>Requests of one operation, in arrival order.</summary>
    /// <param name="operationId">For example <c>pushMessage</c>.</param>
    public IReadOnlyList<FakeLineRecordedRequest> RequestsOf(string operationId) =>
        [.. _requests.Where(request => request.OperationId == operationId)];

    /// <summary>Records an accepted send; handlers call this.</summary>
    /// <param name="delivery">The send.</param>
    public void RecordDelivery(FakeLineDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        _deliveries.Enqueue(delivery);
        foreach (var recipient in delivery.Recipients)
        {
            _deliveriesByRecipient.AddOrUpdate(recipient, 1, (_, count) => count + 1);
        }

        _deliveryWaiters.RecordOne();
    }

    /// <summary>
    /// Completes when the fake has recorded at least <paramref name="count"/> deliveries in all (at once when it
    /// already has): a point in a running send to act at, such as killing the sender after its tenth chunk.
    /// </summary>
    /// <param name="count">The number of deliveries (accepted sends, not recipients) to wait for.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForDeliveriesAsync(int count, CancellationToken cancellationToken = default) =>
        _deliveryWaiters.WaitAsync(count, cancellationToken);

    /// <summary>A new request id in LINE's style (32 hex digits).</summary>
    public string NewRequestId() => Interlocked.Increment(ref _requestCounter).ToString("x32", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
