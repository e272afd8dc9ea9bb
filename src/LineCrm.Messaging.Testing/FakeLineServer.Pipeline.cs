using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LineCrm.Messaging.Testing;

/// <summary>The request pipeline: token, route, rate limit, fault, JSON, schema, retry key, handler, answer.</summary>
public sealed partial class FakeLineServer
{
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
        if (_rateLimiter.TryAcquire(operation.OperationId) is { } limited)
        {
            var retryAfter = limited.Limit.SendRetryAfter ? limited.RetryAfter : (TimeSpan?)null;
            await WriteTooManyRequestsAsync(context, retryAfter, fault: null, record).ConfigureAwait(false);
            return;
        }

        var fault = NextFault(operation.OperationId);
        FakeLineFault? delayed = null;
        if (fault is { Kind: FakeLineFaultKind.Delay })
        {
            if (!await DelayAsync(context, fault, record).ConfigureAwait(false))
            {
                return;
            }

            (delayed, fault) = (fault, null);
        }

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
                await WriteAsync(context, FakeLineReply.Error(400, "The request body could not be parsed as JSON", ("", e.Message)), fault ?? delayed, record).ConfigureAwait(false);
                return;
            }
        }

        if (operation.RequestSchemaReference is { } schema)
        {
            if (body is null)
            {
                await WriteAsync(context, FakeLineReply.Error(400, "The request body is required"), fault ?? delayed, record).ConfigureAwait(false);
                return;
            }

            var problems = _validator.Validate(body.Value, schema);
            if (problems.Count > 0)
            {
                var error = FakeLineReply.Error(400, $"The request body has {problems.Count} error(s)", problems.Select(p => (p.Property, p.Message)));
                await WriteAsync(context, error, fault ?? delayed, record).ConfigureAwait(false);
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

        await WriteAsync(context, reply, delayed, record).ConfigureAwait(false);
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
