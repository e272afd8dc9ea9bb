using System.Collections.Concurrent;
using LineCrm.Messaging.Client;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Tests.Support;

/// <summary>Keeps every log entry and completes <see cref="FirstRetry"/> when the client logs its first retry.</summary>
internal sealed class SignalingLogger : ILogger<LineMessagingClient>
{
    public ConcurrentQueue<(EventId Id, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Entries { get; } = new();

    public TaskCompletionSource<TimeSpan> FirstRetry { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue((eventId, formatter(state, exception), values));
        if (eventId.Id == 1 && values.FirstOrDefault(v => v.Key == "Delay").Value is TimeSpan delay)
        {
            FirstRetry.TrySetResult(delay);
        }
    }
}
