namespace LineCrm.Segmentation;

/// <summary>
/// A call's <see cref="ComputeOptions"/> and cancellation token, validated, as the internal passes use them: run
/// chunks on the calling thread one after the other (checking the token before each), or through
/// <see cref="Parallel"/> with the degree and the token in <see cref="ParallelOptions"/> (which checks the token
/// between chunks and throws <see cref="OperationCanceledException"/>).
/// </summary>
internal readonly struct Parallelism
{
    private readonly int _maxDegree;
    private readonly TaskScheduler? _scheduler;

    private Parallelism(int maxDegree, TaskScheduler? scheduler, CancellationToken cancellationToken)
    {
        _maxDegree = maxDegree;
        _scheduler = scheduler;
        CancellationToken = cancellationToken;
    }

    /// <summary>Every core, no cancellation: what the calls without options use.</summary>
    public static Parallelism Default => new(-1, null, CancellationToken.None);

    /// <summary>The token the passes check between chunks.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether chunks run one after another on the calling thread (a degree of 1, or a single core).</summary>
    public bool IsSequential => _maxDegree == 1 || Environment.ProcessorCount < 2;

    /// <summary>The options for <see cref="Parallel"/>: the degree, the token, and the scheduler (the thread pool's unless the options named one).</summary>
    public ParallelOptions Options => new()
    {
        MaxDegreeOfParallelism = _maxDegree,
        CancellationToken = CancellationToken,
        TaskScheduler = _scheduler ?? TaskScheduler.Default,
    };

    /// <summary>Validates <paramref name="options"/> and throws when <paramref name="cancellationToken"/> is already cancelled.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token is cancelled.</exception>
    public static Parallelism From(ComputeOptions? options, CancellationToken cancellationToken, string parameterName = "options")
    {
        if (options?.MaxDegreeOfParallelism is { } degree && degree < 1)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                degree,
                $"{nameof(ComputeOptions.MaxDegreeOfParallelism)} is {degree}; it must be null (every core) or at least 1 (1 runs on the calling thread).");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new(options?.MaxDegreeOfParallelism ?? -1, options?.TaskScheduler, cancellationToken);
    }

    /// <summary>The same cores and scheduler, for a pass that must not stop half way (it changes state).</summary>
    public Parallelism WithoutCancellation => new(_maxDegree, _scheduler, CancellationToken.None);

    /// <summary>Throws <see cref="OperationCanceledException"/> when the token is cancelled: between the phases of a call.</summary>
    public void ThrowIfCancellationRequested() => CancellationToken.ThrowIfCancellationRequested();

    /// <summary>Runs <paramref name="body"/> for every chunk in <c>[0, count)</c>, in parallel unless <see cref="IsSequential"/>.</summary>
    public void For(int count, Action<int> body)
    {
        if (IsSequential || count < 2)
        {
            for (var i = 0; i < count; i++)
            {
                CancellationToken.ThrowIfCancellationRequested();
                body(i);
            }

            return;
        }

        Parallel.For(0, count, Options, body);
    }
}
