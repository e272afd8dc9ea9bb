namespace LineCrm.Segmentation;

/// <summary>
/// How a long CPU-bound call (<c>Segment.Evaluate</c>, <c>PurchaseAnalytics.Compute</c>,
/// <c>MembershipFunnel.Compute</c>, <c>Funnel.Compute</c>, <c>IdentityGraph.AddLinks</c>,
/// <c>IdentityGraph.AddIdentifiers</c>) may use the machine.
/// Passed beside a <see cref="CancellationToken"/>, which those calls take last.
/// </summary>
/// <remarks>
/// The call checks the token between chunks of its work (tens of thousands of rows), not per row, and throws
/// <see cref="OperationCanceledException"/>; a cancelled call leaves nothing half done behind. The result
/// never depends on the degree of parallelism: chunks are merged in a fixed order. A plain record, so that it
/// binds from configuration; the calls validate it and throw <see cref="ArgumentOutOfRangeException"/> for a
/// degree below 1.
/// </remarks>
public sealed record ComputeOptions
{
    /// <summary>The options that let a call use every core: <see cref="MaxDegreeOfParallelism"/> null.</summary>
    public static ComputeOptions Default { get; } = new();

    /// <summary>
    /// The most threads the call runs on at once: null for every core (the default), 1 to run on the calling
    /// thread only, or any larger number (never more than the machine's cores are used usefully).
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Where the chunks that run beside the calling thread are scheduled: null for the thread pool
    /// (<see cref="TaskScheduler.Default"/>). A host that wants analytics not to crowd out request handling can pass
    /// a scheduler of its own (say a <see cref="ConcurrentExclusiveSchedulerPair"/>'s). With a
    /// <see cref="MaxDegreeOfParallelism"/> of 1 nothing is scheduled.
    /// </summary>
    public TaskScheduler? TaskScheduler { get; init; }
}
