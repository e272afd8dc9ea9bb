using System.Collections;
using System.Collections.Concurrent;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Tests.DependencyInjection;

/// <summary>
/// HttpClientFactory logs request headers at Trace level as structured state (a header name and its values as an
/// array), and its header redaction reaches only the text. A sink that writes arrays would write the channel token;
/// the client's registration keeps it out of every log, text and state.
/// </summary>
public sealed class HeaderRedactionTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";
    private const string Token = "super-secret-channel-token-5f3a";

    [Fact]
    public async Task The_channel_token_appears_in_no_log_text_structured_value_or_scope_at_Trace_level()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeLineServer.StartAsync(Token, ct);
        var sink = new StructuredSink();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        services.AddLineMessaging(options =>
        {
            options.ApiBaseAddress = server.ApiBaseAddress;
            options.DataApiBaseAddress = server.DataApiBaseAddress;
            options.ChannelAccessToken = Token;
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<LineMessagingClient>().PushMessageAsync(UserId, [new TextMessage("hi")], ct);

        Assert.Equal("Bearer " + Token, Assert.Single(server.RequestsOf("pushMessage")).Authorization); // it was sent
        var written = sink.Written.ToList();
        // The sink saw the client's own logs of the call, so it was listening when the token went out.
        Assert.Contains(written, line => line.Contains("LINE pushMessage answered HTTP 200", StringComparison.Ordinal));
        Assert.DoesNotContain(written, line => line.Contains(Token, StringComparison.Ordinal));
    }

    /// <summary>Writes every entry and scope as its message plus each structured value, arrays element by element.</summary>
    private sealed class StructuredSink : ILoggerProvider
    {
        public ConcurrentQueue<string> Written { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Written);

        public void Dispose()
        {
        }

        private static string Render(object? state, string? message)
        {
            var parts = new List<string> { message ?? state?.ToString() ?? "" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(pair => $"{pair.Key}={RenderValue(pair.Value)}"));
            }

            return string.Join(" | ", parts);
        }

        private static string RenderValue(object? value) => value switch
        {
            null => "null",
            string text => text,
            IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(RenderValue)) + "]",
            _ => value.ToString() ?? "",
        };

        private sealed class Logger(string category, ConcurrentQueue<string> written) : ILogger
        {
            public IDisposable BeginScope<TState>(TState state)
                where TState : notnull
            {
                written.Enqueue($"{category} scope: {Render(state, null)}");
                return NoScope.Instance;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                written.Enqueue($"{category} {logLevel}: {Render(state, formatter(state, exception))} {exception}");
        }

        private sealed class NoScope : IDisposable
        {
            public static readonly NoScope Instance = new();

            public void Dispose()
            {
            }
        }
    }
}
