using System.Diagnostics;
using System.Threading.Channels;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// The background half of the endpoint: a bounded queue of accepted events and
/// <see cref="LineWebhookOptions.MaxConcurrency"/> workers that hand them to the handlers. On shutdown it stops
/// taking events and finishes those it has (queued and running) until the host's shutdown timeout, then cancels.
/// </summary>
internal sealed class WebhookDispatcher : IHostedService, IDisposable
{
    private readonly Channel<QueuedEvent> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookEventInvoker _invoker;
    private readonly WebhookTelemetry _telemetry;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly int _workerCount;
    private readonly Dictionary<string, string> _clientNames;
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];

    public WebhookDispatcher(
        IOptions<LineWebhookOptions> options,
        IServiceScopeFactory scopes,
        WebhookEventInvoker invoker,
        WebhookTelemetry telemetry,
        ILogger<WebhookDispatcher> logger)
    {
        var settings = options.Value;
        _queue = Channel.CreateBounded<QueuedEvent>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = settings.MaxConcurrency == 1,
        });
        _workerCount = settings.MaxConcurrency;
        _clientNames = ClientNames.Of(settings);
        _scopes = scopes;
        _invoker = invoker;
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <summary>Queues an event, waiting for room when the queue is full.</summary>
    /// <returns>False when the dispatcher is stopping and takes no more events.</returns>
    public async ValueTask<bool> TryEnqueueAsync(WebhookEvent webhookEvent, string destination, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(new QueuedEvent(webhookEvent, destination), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = [.. Enumerable.Range(0, _workerCount).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out: tell the running handlers, and let them end before we return.
            Log.DrainTimedOut(_logger);
            await _abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync()
    {
        // Reading without a token drains the queue after Writer.TryComplete; _abort only reaches the handlers.
        await foreach (var item in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_abort.IsCancellationRequested)
            {
                continue; // past the shutdown timeout: the remaining events are dropped (LINE already has its 200)
            }

            await DispatchAsync(item).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(QueuedEvent item)
    {
        var webhookEvent = item.Event;
        using var activity = WebhookTelemetry.ActivitySource.StartActivity("LineWebhook.Dispatch", ActivityKind.Consumer);
        activity?.SetTag("line.webhook.event_type", webhookEvent.Type);
        activity?.SetTag("line.webhook.event_id", webhookEvent.WebhookEventId);
        _telemetry.Dispatched(webhookEvent.Type);

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var context = new WebhookEventContext(item.Destination, scope.ServiceProvider, _clientNames.GetValueOrDefault(item.Destination));
            await _invoker.InvokeAsync(webhookEvent, context, _abort.Token).ConfigureAwait(false);
        }
    }

    public void Dispose() => _abort.Dispose();

    private readonly record struct QueuedEvent(WebhookEvent Event, string Destination);
}
