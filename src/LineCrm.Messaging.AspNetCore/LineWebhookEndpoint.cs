using System.Buffers;
using LineCrm.Messaging.AspNetCore.Inbox;
using LineCrm.Messaging.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// The request half of the endpoint: raw body within the size limit (413), signature over those bytes (401), parse
/// (400), deduplicate by <c>webhookEventId</c>, queue, answer 200. Nothing is queued for a rejected request, and the
/// whole body is checked before any of its events is queued.
/// </summary>
internal sealed class LineWebhookEndpoint
{
    private readonly WebhookReceiver _receiver;
    private readonly long _maxBodySize;
    private readonly WebhookDispatcher _dispatcher;
    private readonly IWebhookEventIdStore _seen;
    private readonly WebhookTelemetry _telemetry;
    private readonly ILogger<LineWebhookEndpoint> _logger;
    private readonly WebhookInboxWriter? _inbox;

    public LineWebhookEndpoint(
        IOptions<LineWebhookOptions> options,
        WebhookDispatcher dispatcher,
        IWebhookEventIdStore seen,
        WebhookTelemetry telemetry,
        ILogger<LineWebhookEndpoint> logger,
        IServiceProvider services)
    {
        _inbox = services.GetService<WebhookInboxWriter>();
        var settings = options.Value;
        _receiver = new WebhookReceiver(settings.Channels.Select(c => new ChannelSecret(c.Secret, c.Destination)), logger);
        _maxBodySize = settings.MaxBodySize;
        _dispatcher = dispatcher;
        _seen = seen;
        _telemetry = telemetry;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var aborted = http.RequestAborted;
        if (http.Request.ContentLength > _maxBodySize)
        {
            await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, $"Content-Length {http.Request.ContentLength} exceeds the limit of {_maxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(http.Request.Body, _maxBodySize, aborted).ConfigureAwait(false);
        if (body is null)
        {
            await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, $"The body exceeds the limit of {_maxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        WebhookCallback callback;
        IReadOnlyList<WebhookInboxItem>? entries = null;
        try
        {
            callback = _receiver.Receive(body.Memory, http.Request.Headers[WebhookSignature.HeaderName]);
            entries = _inbox?.EntriesOf(callback, body.Memory);
        }
        catch (WebhookSignatureException e)
        {
            await RejectAsync(http, StatusCodes.Status401Unauthorized, e.Message).ConfigureAwait(false);
            return;
        }
        catch (WebhookFormatException e)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return;
        }
        finally
        {
            body.Dispose(); // the parsed events own their strings and JSON; the pooled buffer can go back
        }

        if (_inbox is not null)
        {
            await WriteToInboxAsync(http, _inbox, callback, entries!).ConfigureAwait(false);
            return;
        }

        if (!await QueueAsync(callback, aborted).ConfigureAwait(false))
        {
            Log.ShuttingDown(_logger);
            _telemetry.Request("unavailable");
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        _telemetry.Request("accepted");
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Answers 200 only once the events are durable in the inbox; a store failure is a 500, which LINE redelivers.</summary>
    private async Task WriteToInboxAsync(HttpContext http, WebhookInboxWriter inbox, WebhookCallback callback, IReadOnlyList<WebhookInboxItem> entries)
    {
        IReadOnlyList<bool> added;
        try
        {
            added = entries.Count == 0 ? [] : await inbox.WriteAsync(entries, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // LINE gave up; whether or not the commit happened, its redelivery is stored or recognised
        }
        catch (ObjectDisposedException)
        {
            Log.ShuttingDown(_logger);
            _telemetry.Request("unavailable");
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
#pragma warning disable CA1031 // Any store failure means the same to LINE: no 200, so it redelivers.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InboxWriteFailed(_logger, e);
            _telemetry.Request("failed");
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        for (var i = 0; i < added.Count; i++)
        {
            if (!added[i])
            {
                _telemetry.Duplicate();
                Log.Duplicate(_logger, callback.Events[i].WebhookEventId, callback.Events[i].Type);
            }
        }

        _telemetry.Request("accepted");
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task<bool> QueueAsync(WebhookCallback callback, CancellationToken cancellationToken)
    {
        foreach (var webhookEvent in callback.Events)
        {
            var id = webhookEvent.WebhookEventId;
            if (id.Length > 0 && !await _seen.TryAddAsync(id, cancellationToken).ConfigureAwait(false))
            {
                _telemetry.Duplicate();
                Log.Duplicate(_logger, id, webhookEvent.Type);
                continue;
            }

            bool queued;
            try
            {
                queued = await _dispatcher.TryEnqueueAsync(webhookEvent, callback.Destination, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // LINE gave up while the queue was full: it gets no 200 and will redeliver, so the id must not stay
                // marked as seen or that redelivery would be skipped as a duplicate of an event never queued.
                await ForgetAsync(id).ConfigureAwait(false);
                throw;
            }

            if (!queued)
            {
                await ForgetAsync(id).ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }

    private async ValueTask ForgetAsync(string webhookEventId)
    {
        if (webhookEventId.Length > 0)
        {
            await _seen.RemoveAsync(webhookEventId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RejectAsync(HttpContext http, int statusCode, string reason)
    {
        Log.Rejected(_logger, statusCode, reason);
        _telemetry.Request(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(reason, http.RequestAborted).ConfigureAwait(false);
    }
}
