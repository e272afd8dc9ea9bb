using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Xunit.v3;

namespace LineCrm.Testing;

/// <summary>
/// Turns a hung test into a named failure. Every test project carries it as an assembly attribute (see
/// tests/Directory.Build.props). It notes each test as it starts and ends; when one has run longer than the limit,
/// it writes the names of every test still running to standard error and ends the test process, which
/// <c>dotnet test</c> reports with that output. Without it a test that waits forever (a lost signal, a clock advanced
/// before the timer it should fire was created) holds the whole run until CI's own limit, with no name to go on.
/// </summary>
/// <remarks>
/// The limit is 10 minutes, far above the slowest test (about a minute), and <c>LINECRM_TEST_HANG_SECONDS</c>
/// changes it. The watch costs one timer tick every few seconds; it measures nothing and asserts nothing about speed.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class HangWatchdogAttribute : BeforeAfterTestAttribute
{
    /// <summary>Overrides the limit, in seconds.</summary>
    public const string LimitVariable = "LINECRM_TEST_HANG_SECONDS";

    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (string Name, long StartedAt)> Running = new(StringComparer.Ordinal);
    private static readonly Lazy<Timer> Watch = new(StartWatch);

    /// <inheritdoc />
    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        _ = Watch.Value;
        Running[test.UniqueID] = (test.TestDisplayName, Environment.TickCount64);
    }

    /// <inheritdoc />
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Running.TryRemove(test.UniqueID, out _);
    }

    private static TimeSpan Limit() =>
        int.TryParse(Environment.GetEnvironmentVariable(LimitVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLimit;

    private static Timer StartWatch()
    {
        var limit = Limit();
        var period = TimeSpan.FromSeconds(Math.Clamp(limit.TotalSeconds / 10, 1, 15));
        return new Timer(_ => Check(limit), null, period, period);
    }

    private static void Check(TimeSpan limit)
    {
        var now = Environment.TickCount64;
        if (!Running.Values.Any(test => now - test.StartedAt > limit.TotalMilliseconds))
        {
            return;
        }

        var lines = Running
            .Select(entry => (entry.Value.Name, Seconds: (now - entry.Value.StartedAt) / 1000))
            .OrderByDescending(test => test.Seconds)
            .Select(test => $"  {test.Name} (running for {test.Seconds} s)");
        var message = $"A test ran longer than {limit.TotalSeconds:0} s ({LimitVariable} changes the limit); still running:"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
        Environment.FailFast(message); // prints the message to standard error, which dotnet test shows
    }
}
