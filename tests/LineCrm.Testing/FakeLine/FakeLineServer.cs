using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace LineCrm.Testing.FakeLine;

/// <summary>
/// A fake LINE Messaging API over real HTTP: Kestrel on 127.0.0.1, one random port for <c>api.line.me</c> and one for
/// <c>api-data.line.me</c>. It checks the bearer token, validates JSON bodies against LINE's OpenAPI schemas, records
/// every request, honours <c>X-Line-Retry-Key</c> (a repeated accepted key gets 409 with
/// <c>x-line-accepted-request-id</c>) and plays scripted or random faults. Routes come from the OpenAPI document
/// (<see cref="Routes"/>); behaviour is added per operationId with <see cref="FakeLineRouteTable.Handle"/>.
/// </summary>
public sealed class FakeLineServer : IAsyncDisposable
{
    /// <summary>The token the fake accepts unless told otherwise.</summary>
    public const string DefaultAccessToken = "fake-line-channel-token";

    private readonly WebApplication _app;
    private readonly ListenOptions _apiListener;
    private readonly ListenOptions _dataListener;
    private readonly OpenApiSchemaValidator _validator;
    private readonly ConcurrentQueue<FakeLineRecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeLineDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, int> _deliveriesByRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AcceptedKey> _acceptedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _keyLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeLineFault> _scriptedFaults = new();
    private readonly Lock _randomLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Random? _random;
    private FakeLineFaultMix? _faultMix;
    private long _requestCounter;

    private FakeLineServer(OpenApiDocument document, string accessToken)
    {
        Document = document;
        AccessToken = accessToken;
        Routes = new FakeLineRouteTable(document);
        _validator = new OpenApiSchemaValidator(document.Schemas);
        FakeLineMessagingHandlers.Register(Routes);
        FakeLinePlatformHandlers.Register(Routes);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? api = null;
        ListenOptions? data = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => api = listen);
            kestrel.Listen(IPAddress.Loopback, 0, listen => data = listen);
        });
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
        _apiListener = api!;
        _dataListener = data!;
    }

    /// <summary>The OpenAPI document the routes and schemas come from.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>The bearer token the fake accepts.</summary>
    public string AccessToken { get; }

    /// <summary>The routes: one per operation of the document; set handlers here.</summary>
    public FakeLineRouteTable Routes { get; }

    /// <summary>The fake <c>api.line.me</c>, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ApiBaseAddress { get; private set; } = null!;

    /// <summary>The fake <c>api-data.line.me</c>.</summary>
    public Uri DataApiBaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<FakeLineRecordedRequest> Requests => [.. _requests];

    /// <summary>Every accepted send (push, multicast, narrowcast, broadcast), in acceptance order.</summary>
    public IReadOnlyList<FakeLineDelivery> Deliveries => [.. _deliveries];

    /// <summary>How many accepted sends reached each user id, counted on the server side.</summary>
    public IReadOnlyDictionary<string, int> DeliveriesByRecipient => _deliveriesByRecipient;

    /// <summary>Users the fake knows (for getProfile and getFollowers), by user id; tests may add to it.</summary>
    public ConcurrentDictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>The state of the platform operations beyond sending: tokens, audiences, rich menus, content and more.</summary>
    public FakeLinePlatform Platform { get; } = new();

    /// <summary>Reply tokens already used; a second reply with one gets 400, as at LINE.</summary>
    internal ConcurrentDictionary<string, bool> UsedReplyTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>LINE's OpenAPI documents the fake plays by default, under ../shared/line-openapi.</summary>
    public static readonly IReadOnlyList<string> PlatformDocuments =
        ["messaging-api.yml", "manage-audience.yml", "insight.yml", "channel-access-token.yml"];

    /// <summary>
    /// Starts a fake on two random loopback ports, playing every operation of LINE's messaging-api.yml,
    /// manage-audience.yml, insight.yml and channel-access-token.yml from ../shared.
    /// </summary>
    /// <param name="accessToken">The bearer token to accept.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static Task<FakeLineServer> StartAsync(string accessToken = DefaultAccessToken, CancellationToken cancellationToken = default) =>
        StartAsync(
            OpenApiDocument.Combine(PlatformDocuments.Select(name => OpenApiDocument.Load(SharedData.Require("line-openapi/" + name)))),
            accessToken,
            cancellationToken);

    /// <summary>Starts a fake for <paramref name="document"/>.</summary>
    public static async Task<FakeLineServer> StartAsync(OpenApiDocument document, string accessToken, CancellationToken cancellationToken = default)
    {
        var server = new FakeLineServer(document, accessToken);
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        server.ApiBaseAddress = new Uri($"http://127.0.0.1:{server._apiListener.IPEndPoint!.Port}/");
        server.DataApiBaseAddress = new Uri($"http://127.0.0.1:{server._dataListener.IPEndPoint!.Port}/");
        return server;
    }

    /// <summary>Plays <paramref name="fault"/> on the next request that matches it (scripted faults play in order).</summary>
    public void EnqueueFault(FakeLineFault fault) => _scriptedFaults.Enqueue(fault);

    /// <summary>Plays random faults at the given rates from now on (null stops them).</summary>
    public void UseFaultMix(FakeLineFaultMix? mix)
    {
        lock (_randomLock)
        {
            _faultMix = mix;
            _random = mix is null ? null : new Random(mix.Seed);
        }
    }

    /// <summary>Requests of one operation.</summary>
    public IReadOnlyList<FakeLineRecordedRequest> RequestsOf(string operationId) =>
        [.. _requests.Where(request => request.OperationId == operationId)];

    /// <summary>Records an accepted send; handlers call this.</summary>
    public void RecordDelivery(FakeLineDelivery delivery)
    {
        _deliveries.Enqueue(delivery);
        foreach (var recipient in delivery.Recipients)
        {
            _deliveriesByRecipient.AddOrUpdate(recipient, 1, (_, count) => count + 1);
        }
    }

    /// <summary>A new request id in LINE's style (32 hex digits).</summary>
    public string NewRequestId() => Interlocked.Increment(ref _requestCounter).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var host = context.Connection.LocalPort == _dataListener.IPEndPoint!.Port ? FakeLineHost.Data : FakeLineHost.Api;
        var authorization = request.Headers.Authorization.ToString();
        var retryKey = request.Headers["X-Line-Retry-Key"].ToString() is { Length: > 0 } key ? key : null;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var rawBody = buffer.ToArray();
        var bodyText = Encoding.UTF8.GetString(rawBody);
        var match = Routes.Match(request.Method, host, request.Path.Value ?? "/");
        var requestId = NewRequestId();
        context.Response.Headers["x-line-request-id"] = requestId;

        // Recorded just before the answer (or the dropped connection) leaves, so a client that has its answer can
        // always see its request in Requests.
        var recorded = 0;
        void Record(int status, FakeLineFault? fault)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                _requests.Enqueue(new FakeLineRecordedRequest(
                    match?.Route.Operation.OperationId, request.Method, host, request.Path + request.QueryString,
                    authorization, retryKey, bodyText, status, fault?.Kind));
            }
        }

        try
        {
            await AnswerAsync(context, host, match, authorization, retryKey, bodyText, rawBody, requestId, Record).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A bug in a handler or in the fake: say so in the answer, so the failing test shows it.
            await WriteAsync(context, FakeLineReply.Error(500, "Fake LINE server crashed: " + e), null, Record).ConfigureAwait(false);
        }
        finally
        {
            Record(0, null);
        }
    }

    private async Task AnswerAsync(
        HttpContext context,
        FakeLineHost host,
        (FakeLineRoute Route, IReadOnlyDictionary<string, string> PathParameters)? match,
        string authorization,
        string? retryKey,
        string bodyText,
        byte[] rawBody,
        string requestId,
        Action<int, FakeLineFault?> record)
    {
        var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";
        var anonymous = match is { } anonymousMatch && anonymousMatch.Route.Operation.Anonymous;
        if (!anonymous && bearer != AccessToken && !Platform.IsValidIssuedToken(bearer))
        {
            await WriteAsync(context, FakeLineReply.Error(401, "Authentication failed. Confirm that the access token in the authorization header is valid."), null, record).ConfigureAwait(false);
            return;
        }

        if (match is not { } found)
        {
            await WriteAsync(context, FakeLineReply.Error(404, $"Not found: {context.Request.Method} {context.Request.Path} on the {host} host"), null, record).ConfigureAwait(false);
            return;
        }

        var operation = found.Route.Operation;
        var fault = NextFault(operation.OperationId);
        if (fault is { AfterProcessing: false })
        {
            await PlayFaultAsync(context, fault, reply: null, record).ConfigureAwait(false);
            return;
        }

        JsonElement? body = null;
        var contentType = context.Request.ContentType;
        var isJson = contentType is null || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        if (bodyText.Length > 0 && isJson)
        {
            try
            {
                body = JsonDocument.Parse(bodyText).RootElement;
            }
            catch (JsonException e)
            {
                await WriteAsync(context, FakeLineReply.Error(400, "The request body could not be parsed as JSON", ("", e.Message)), fault, record).ConfigureAwait(false);
                return;
            }
        }

        if (operation.RequestSchemaReference is { } schema)
        {
            if (body is null)
            {
                await WriteAsync(context, FakeLineReply.Error(400, "The request body is required"), fault, record).ConfigureAwait(false);
                return;
            }

            var problems = _validator.Validate(body.Value, schema);
            if (problems.Count > 0)
            {
                var error = FakeLineReply.Error(400, $"The request body has {problems.Count} error(s)", problems.Select(p => (p.Property, p.Message)));
                await WriteAsync(context, error, fault, record).ConfigureAwait(false);
                return;
            }
        }

        var call = new FakeLineCall(this, operation.OperationId, found.PathParameters, context.Request.Query, body, requestId, retryKey)
        {
            RawBody = rawBody,
            ContentType = contentType,
            BearerToken = bearer,
            Headers = context.Request.Headers,
        };
        var (reply, acceptedRequestId) = Process(found.Route, call);
        if (acceptedRequestId is not null)
        {
            context.Response.Headers["x-line-accepted-request-id"] = acceptedRequestId;
        }

        if (fault is not null)
        {
            await PlayFaultAsync(context, fault, reply, record).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, reply, null, record).ConfigureAwait(false);
        return;
    }

    /// <summary>Runs the handler, or answers 409 for a retry key that was already accepted (one key at a time).</summary>
    private (FakeLineReply Reply, string? AcceptedRequestId) Process(FakeLineRoute route, FakeLineCall call)
    {
        if (call.RetryKey is not { } key)
        {
            return (Run(route, call), null);
        }

        lock (_keyLocks.GetOrAdd(key, _ => new object()))
        {
            if (_acceptedKeys.TryGetValue(key, out var accepted))
            {
                var conflict = FakeLineReply.Error(409, "The retry key is already accepted");
                if (accepted.SentMessages is not null)
                {
                    conflict.Body!["sentMessages"] = accepted.SentMessages.DeepClone();
                }

                return (conflict, accepted.RequestId);
            }

            var reply = Run(route, call);
            if (reply.Status is >= 200 and < 300)
            {
                _acceptedKeys[key] = new AcceptedKey(call.RequestId, reply.Body?["sentMessages"]);
            }

            return (reply, null);
        }
    }

    private static FakeLineReply Run(FakeLineRoute route, FakeLineCall call) =>
        route.Handler?.Invoke(call) ?? new FakeLineReply(route.Operation.SuccessStatus, new JsonObject());

    private FakeLineFault? NextFault(string operationId)
    {
        // A scripted fault for another operation waits for its own request; the queue is only ever inspected in order.
        if (_scriptedFaults.TryPeek(out var scripted) && (scripted.OperationId is null || scripted.OperationId == operationId)
            && _scriptedFaults.TryDequeue(out var taken))
        {
            return taken;
        }

        lock (_randomLock)
        {
            if (_faultMix is not { } mix || _random is null || (mix.OperationId is not null && mix.OperationId != operationId))
            {
                return null;
            }

            var draw = _random.NextDouble();
            var afterProcessing = _random.Next(2) == 0;
            if (draw < mix.ServerErrorRate)
            {
                return new FakeLineFault(afterProcessing ? FakeLineFaultKind.ServerErrorAfterProcessing : FakeLineFaultKind.ServerError);
            }

            if (draw < mix.ServerErrorRate + mix.ThrottleRate)
            {
                return new FakeLineFault(FakeLineFaultKind.TooManyRequests);
            }

            if (draw < mix.ServerErrorRate + mix.ThrottleRate + mix.DropRate)
            {
                return new FakeLineFault(afterProcessing ? FakeLineFaultKind.DropConnectionAfterProcessing : FakeLineFaultKind.DropConnection);
            }

            return null;
        }
    }

    private async Task PlayFaultAsync(HttpContext context, FakeLineFault fault, FakeLineReply? reply, Action<int, FakeLineFault?> record)
    {
        switch (fault.Kind)
        {
            case FakeLineFaultKind.ServerError or FakeLineFaultKind.ServerErrorAfterProcessing:
                context.Response.Headers.Remove("x-line-accepted-request-id");
                await WriteAsync(context, FakeLineReply.Error(500, "Internal server error (fake fault)"), fault, record).ConfigureAwait(false);
                return;
            case FakeLineFaultKind.TooManyRequests:
                if (fault.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteAsync(context, FakeLineReply.Error(429, "The API rate limit has been exceeded. Try again later."), fault, record).ConfigureAwait(false);
                return;
            case FakeLineFaultKind.SlowAfterProcessing:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await (fault.Release ?? Task.Delay(Timeout.Infinite, linked.Token)).WaitAsync(linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        record(0, fault); // the client gave up first
                        return;
                    }
                }

                await WriteAsync(context, reply ?? FakeLineReply.Ok(), fault, record).ConfigureAwait(false);
                return;
            default: // the two DropConnection kinds
                record(0, fault);
                context.Abort();
                return;
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeLineReply reply, FakeLineFault? fault, Action<int, FakeLineFault?> record)
    {
        record(reply.Status, fault);
        context.Response.StatusCode = reply.Status;
        if (reply.WriteBody is { } writeBody)
        {
            context.Response.ContentType = reply.ContentType ?? "application/octet-stream";
            context.Response.ContentLength = reply.ContentLength;
            await writeBody(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        else if (reply.Content is { } content)
        {
            context.Response.ContentType = reply.ContentType ?? "application/octet-stream";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        }
        else if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private sealed record AcceptedKey(string RequestId, JsonNode? SentMessages);
}
