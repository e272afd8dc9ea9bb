namespace LineCrm.Messaging.Testing;

/// <summary>The kinds of trouble the fake can play.</summary>
public enum FakeLineFaultKind
{
    /// <summary>Answer 500 without acting on the request.</summary>
    ServerError,

    /// <summary>Act on the request (deliver, accept the retry key), then answer 500: the client cannot tell it worked.</summary>
    ServerErrorAfterProcessing,

    /// <summary>Answer 429, with <c>Retry-After</c> when <see cref="FakeLineFault.RetryAfter"/> is set.</summary>
    TooManyRequests,

    /// <summary>Close the connection without answering, before acting on the request.</summary>
    DropConnection,

    /// <summary>Act on the request, then close the connection without answering.</summary>
    DropConnectionAfterProcessing,

    /// <summary>
    /// Act on the request, then hold the answer until <see cref="FakeLineFault.Release"/> completes or the client gives up;
    /// a slow LINE that the client's timeout must handle.
    /// </summary>
    SlowAfterProcessing,

    /// <summary>Answer <see cref="FakeLineFault.Status"/> with LINE's error body, without acting on the request.</summary>
    ErrorStatus,

    /// <summary>Wait <see cref="FakeLineFault.Delay"/> on the fake's clock, then answer as usual.</summary>
    Delay,
}

/// <summary>A scripted fault for the next matching request.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="OperationId">Only requests of this operation match; any when null.</param>
public sealed record FakeLineFault(FakeLineFaultKind Kind, string? OperationId = null)
{
    /// <summary>For <see cref="FakeLineFaultKind.ErrorStatus"/>: the status to answer (default 500).</summary>
    public int Status { get; init; } = 500;

    /// <summary>For <see cref="FakeLineFaultKind.ErrorStatus"/>: the <c>message</c> of the error body.</summary>
    public string? Message { get; init; }

    /// <summary>For <see cref="FakeLineFaultKind.Delay"/>: how long to wait before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The <c>Retry-After</c> to send with a 429.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="FakeLineFaultKind.SlowAfterProcessing"/>: the answer is held until this task completes.</summary>
    public Task? Release { get; init; }

    /// <summary>An answer of <paramref name="status"/> (a 4xx or 5xx) to the next matching request, which is not acted on.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="operationId">Only this operation's requests match; any when null.</param>
    /// <param name="message">The error body's <c>message</c>; a generic one when null.</param>
    public static FakeLineFault WithStatus(int status, string? operationId = null, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new(FakeLineFaultKind.ErrorStatus, operationId) { Status = status, Message = message };
    }

    /// <summary>The next matching request is answered as usual, after <paramref name="delay"/> on the fake's clock.</summary>
    /// <param name="delay">The wait; not negative.</param>
    /// <param name="operationId">Only this operation's requests match; any when null.</param>
    public static FakeLineFault Delayed(TimeSpan delay, string? operationId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(FakeLineFaultKind.Delay, operationId) { Delay = delay };
    }

    /// <summary>A 429 for the next matching request, with <c>Retry-After</c> when <paramref name="retryAfter"/> is set.</summary>
    /// <param name="retryAfter">The wait to announce, in whole seconds (rounded up).</param>
    /// <param name="operationId">Only this operation's requests match; any when null.</param>
    public static FakeLineFault Throttled(TimeSpan? retryAfter = null, string? operationId = null) =>
        new(FakeLineFaultKind.TooManyRequests, operationId) { RetryAfter = retryAfter };

    /// <summary>True when the request is acted on before the fault plays.</summary>
    public bool AfterProcessing => Kind is FakeLineFaultKind.ServerErrorAfterProcessing
        or FakeLineFaultKind.DropConnectionAfterProcessing or FakeLineFaultKind.SlowAfterProcessing;
}

/// <summary>
/// Random faults at given rates, for fault-injection runs; seeded, so a failing run can be replayed. Half of the
/// server errors and dropped connections happen after the request was acted on, the case retry keys exist for.
/// </summary>
/// <param name="Seed">The random seed.</param>
/// <param name="ServerErrorRate">The share of requests answered 500.</param>
/// <param name="ThrottleRate">The share answered 429.</param>
/// <param name="DropRate">The share whose connection is dropped.</param>
/// <param name="OperationId">Only requests of this operation are faulted; any when null.</param>
public sealed record FakeLineFaultMix(int Seed, double ServerErrorRate, double ThrottleRate, double DropRate, string? OperationId = null);
