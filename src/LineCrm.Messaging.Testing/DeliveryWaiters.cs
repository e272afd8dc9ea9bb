namespace LineCrm.Messaging.Testing;

/// <summary>
/// Tasks that complete when the fake has recorded a number of deliveries, so a test can act at a point in a send
/// (kill a sender after its tenth chunk) without polling or sleeping.
/// </summary>
internal sealed class DeliveryWaiters
{
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiting = [];
    private int _recorded;

    public void RecordOne()
    {
        List<TaskCompletionSource>? reached = null;
        lock (_lock)
        {
            _recorded++;
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                if (_waiting[i].Count <= _recorded)
                {
                    (reached ??= []).Add(_waiting[i].Reached);
                    _waiting.RemoveAt(i);
                }
            }
        }

        reached?.ForEach(r => r.TrySetResult());
    }

    public Task WaitAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_recorded >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }
}
