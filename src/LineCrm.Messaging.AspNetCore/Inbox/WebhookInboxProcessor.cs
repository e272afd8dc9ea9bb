using System.Diagnostics;
using System.Threading.Channels;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>
/// The background half of the endpoint in inbox mode: leases due events from <see cref="IWebhookInbox"/> for as
/// many handlers as may run (<see cref="LineWebhookOptions.MaxConcurrency"/>), runs them, and completes, retries
/// (with backoff) or parks each as dead. New events start as soon as their commit wakes it; retries, expired leases
/// and replays are found every <see cref="LineWebhookInboxOptions.PollInterval"/>. It leases only what it can start
/// at once, so a stop leaves nothing leased but the running events.
/// </summary>
internal sealed class WebhookInboxProcessor : IHostedService, IDisposable
{
    private readonly IWebhookInbox _inbox;
    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookEventInvoker _invoker;
    private readonly WebhookTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookInboxProcessor> _logger;
    private readonly LineWebhookInboxOptions _options;
    private readonly int _slots;
    private readonly Dictionary<string, string> _clientNames;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _free;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly HashSet<Task> _running = [];
    private Task _pump = Task.CompletedTask;
    private DateTimeOffset _nextPurge;

    public WebhookInboxProcessor(
        IWebhookInbox inbox,
        IOptions<LineWebhookOptions> webhookOptions,
        IOptions<LineWebhookInboxOptions> inboxOptions,
        IServiceScopeFactory scopes,
        WebhookEventInvoker invoker,
        WebhookTelemetry telemetry,
        TimeProvider time,
        ILogger<WebhookInboxProcessor> logger)
    {
        _inbox = inbox;
        _options = inboxOptions.Value;
        _slots = webhookOptions.Value.MaxConcurrency;
        _free = new SemaphoreSlim(_slots, _slots);
        _clientNames = ClientNames.Of(webhookOptions.Value);
        _scopes = scopes;
        _invoker = invoker;
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
    }

    /// <summary>Tells the processor that new events are in the inbox.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _nextPurge = _time.GetUtcNow();
        _pump = Task.Run(PumpAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ran out. The running handlers are cancelled and their events released back
            // to the inbox (or, if that fails, left leased until the lease expires): nothing is dropped.
            Log.InboxLeftRunning(_logger, running.Count(t => !t.IsCompleted));
            await _abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await PurgeWhenDueAsync(stopping).ConfigureAwait(false);
                await _free.WaitAsync(stopping).ConfigureAwait(false);
                var free = 1;
                while (_free.Wait(0))
                {
                    free++;
                }

                var leased = await _inbox.LeaseAsync(free, _options.LeaseDuration, stopping).ConfigureAwait(false);
                if (free > leased.Count)
                {
                    _free.Release(free - leased.Count);
                }
                foreach (var entry in leased)
                {
                    Start(entry);
                }

                if (leased.Count == free && free == _slots && leased.Count > 0)
                {
                    var oldest = leased.Min(e => e.Entry.Item.ReceivedAt);
                    Log.InboxBacklog(_logger, _time.GetUtcNow() - oldest);
                }

                if (leased.Count == 0)
                {
                    await WaitForWorkAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may fail for a moment (a restart of PostgreSQL): log, wait, go on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.InboxStoreFailed(_logger, e);
                await WaitForWorkAsync(stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stopping)
    {
        try
        {
            await _wake.Reader.WaitToReadAsync(stopping).AsTask().WaitAsync(_options.PollInterval, _time, stopping).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nothing new arrived: look for retries that became due and leases that expired.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }

        _wake.Reader.TryRead(out _);
    }

    private async Task PurgeWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + _options.PurgeInterval;
        var before = now - _options.DeduplicationWindow;
        var purged = await _inbox.PurgeCompletedAsync(before, cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            Log.InboxPurged(_logger, purged, before);
        }
    }

    private void Start(WebhookInboxLease entry)
    {
        var task = Task.Run(() => RunAsync(entry), CancellationToken.None);
        lock (_running)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(
            t =>
            {
                lock (_running)
                {
                    _running.Remove(t);
                }

                _free.Release();
                Wake();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(WebhookInboxLease entry)
    {
        try
        {
            _telemetry.Waited(_time.GetUtcNow() - entry.Entry.Item.ReceivedAt);
            var failure = await HandleAsync(entry).ConfigureAwait(false);
            if (failure is null)
            {
                await _inbox.CompleteAsync(entry, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            if (failure is OperationCanceledException && _abort.IsCancellationRequested)
            {
                // Stopped past the shutdown timeout: the event goes back to the inbox, due at once for the next start,
                // and this cut-short attempt does not count against its retries.
                await _inbox.ReleaseAsync(entry, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            await FailAsync(entry, failure).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A store failure while recording the outcome leaves the lease to expire: the event runs again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InboxStoreFailed(_logger, e);
        }
    }

    private async Task<Exception?> HandleAsync(WebhookInboxLease entry)
    {
        WebhookEvent webhookEvent;
        try
        {
            webhookEvent = StoredEvent.Parse(entry.Entry.Item.Destination, entry.Entry.Item.RawJson);
        }
        catch (WebhookFormatException e)
        {
            return new WebhookInboxPoisonException(e);
        }

        using var activity = WebhookTelemetry.ActivitySource.StartActivity("LineWebhook.Dispatch", ActivityKind.Consumer);
        activity?.SetTag("line.webhook.event_type", webhookEvent.Type);
        activity?.SetTag("line.webhook.event_id", webhookEvent.WebhookEventId);
        activity?.SetTag("line.webhook.attempt", entry.Entry.Attempts);
        _telemetry.Dispatched(webhookEvent.Type);

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var destination = entry.Entry.Item.Destination;
            var context = new WebhookEventContext(destination, scope.ServiceProvider, _clientNames.GetValueOrDefault(destination));
            return await _invoker.InvokeAsync(webhookEvent, context, _abort.Token).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(WebhookInboxLease entry, Exception failure)
    {
        var type = StoredEvent.TypeOf(entry.Entry.Item.RawJson);
        var error = $"{failure.GetType().FullName}: {failure.Message}";
        if (error.Length > WebhookInboxLimits.MaxErrorLength)
        {
            error = error[..WebhookInboxLimits.MaxErrorLength];
        }

        // The lease counted this attempt in the entry's attempts.
        var attempt = Math.Max(1, entry.Entry.Attempts);
        if (attempt >= _options.MaxAttempts || failure is WebhookInboxPoisonException)
        {
            await _inbox.DeadLetterAsync(entry, error, CancellationToken.None).ConfigureAwait(false);
            _telemetry.DeadLettered(type);
            Log.InboxDead(_logger, entry.WebhookEventId, type, attempt, error);
            return;
        }

        var next = _time.GetUtcNow() + RetryBackoff.After(attempt, _options.InitialBackoff, _options.MaxBackoff);
        await _inbox.RetryLaterAsync(entry, error, next, CancellationToken.None).ConfigureAwait(false);
        _telemetry.Retried(type);
        Log.InboxRetry(_logger, entry.WebhookEventId, type, attempt, _options.MaxAttempts, next);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
        _free.Dispose();
    }
}
