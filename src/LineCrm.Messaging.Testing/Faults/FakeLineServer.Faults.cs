using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LineCrm.Messaging.Testing;

/// <summary>Choosing the fault for a request (scripted first, then the random mix) and playing it.</summary>
public sealed partial class FakeLineServer
{
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
                await WriteTooManyRequestsAsync(context, fault.RetryAfter, fault, record).ConfigureAwait(false);
                return;
            case FakeLineFaultKind.ErrorStatus:
                var message = fault.Message ?? $"Fake fault: status {fault.Status.ToString(CultureInfo.InvariantCulture)}";
                await WriteAsync(context, FakeLineReply.Error(fault.Status, message), fault, record).ConfigureAwait(false);
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
            case FakeLineFaultKind.Delay:
                throw new InvalidOperationException("A delay is waited out before the request is processed, not played as an answer.");
            default: // the two DropConnection kinds
                record(0, fault);
                context.Abort();
                return;
        }
    }

    /// <summary>Waits out a <see cref="FakeLineFaultKind.Delay"/>; false when the client gave up or the fake stopped first.</summary>
    private async Task<bool> DelayAsync(HttpContext context, FakeLineFault fault, Action<int, FakeLineFault?> record)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(fault.Delay, TimeProvider, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            record(0, fault);
            return false;
        }
    }

    /// <summary>LINE's 429: its message, and <c>Retry-After</c> in whole seconds (rounded up) when there is a wait to announce.</summary>
    private static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter, FakeLineFault? fault, Action<int, FakeLineFault?> record)
    {
        if (retryAfter is { } wait)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, FakeLineReply.Error(429, "The API rate limit has been exceeded. Try again later."), fault, record);
    }
}
