namespace LineCrm.Testing.FakeLine;

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
}

/// <summary>A scripted fault for the next matching request.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="OperationId">Only requests of this operation match; any when null.</param>
public sealed record FakeLineFault(FakeLineFaultKind Kind, string? OperationId = null)
{
    /// <summary>The <c>Retry-After</c> to send with a 429.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="FakeLineFaultKind.SlowAfterProcessing"/>: the answer is held until this task completes.</summary>
    public Task? Release { get; init; }

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
