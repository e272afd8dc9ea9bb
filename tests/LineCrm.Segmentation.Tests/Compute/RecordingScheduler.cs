namespace LineCrm.Segmentation.Tests.Compute;

/// <summary>
/// A task scheduler that counts the tasks queued to it and the threads it ran them on, and can act when the first
/// one is queued. Passed as <see cref="ComputeOptions.TaskScheduler"/>, it shows whether a call used threads beside
/// the calling one, and lets a test cancel at the moment the call starts to, without hooks in src/.
/// </summary>
internal sealed class RecordingScheduler(Action? onFirstQueued = null) : TaskScheduler
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _threads = new();
    private int _queued;

    /// <summary>How many tasks were queued.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>The managed thread ids that ran a task queued here or inline.</summary>
    public ICollection<int> Threads => _threads.Keys;

    protected override void QueueTask(Task task)
    {
        if (Interlocked.Increment(ref _queued) == 1)
        {
            onFirstQueued?.Invoke();
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                _threads.TryAdd(Environment.CurrentManagedThreadId, true);
                TryExecuteTask(task);
            },
            null);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        _threads.TryAdd(Environment.CurrentManagedThreadId, true);
        return TryExecuteTask(task);
    }

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
