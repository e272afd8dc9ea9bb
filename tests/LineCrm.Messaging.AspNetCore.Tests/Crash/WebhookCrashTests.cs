namespace LineCrm.Messaging.AspNetCore.Tests.Crash;

/// <summary>
/// The webhook app as a child process, killed with SIGKILL at random moments while signed bodies arrive: what got
/// a 200 must be handled. The in-memory mode's run is the evidence of what it loses (docs/webhooks.md), run on
/// demand; the durable inbox's run is a CI test.
/// </summary>
public sealed class WebhookCrashTests
{
    /// <summary>Writes a run's figures to the test output and, when LINECRM_CRASH_REPORT names a file, appends them there.</summary>
    private static void Record(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("LINECRM_CRASH_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:u} {line}{Environment.NewLine}");
        }
    }

    [Fact(Explicit = true)]
    public async Task Evidence_the_in_memory_queue_loses_accepted_events_on_SIGKILL()
    {
        var directory = Directory.CreateTempSubdirectory("linecrm-crash-memory-");
        try
        {
            var harness = new WebhookCrashHarness(directory.FullName, [], seed: 18);
            var report = await harness.RunAsync(kills: 20, minAcknowledgedPerLife: 50, maxAcknowledgedPerLife: 500, TestContext.Current.CancellationToken);

            Record($"in-memory mode: {report}");
            Assert.NotEmpty(report.Lost);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public Task The_durable_inbox_on_SQLite_handles_every_event_it_answered_200_for_over_20_SIGKILLs() =>
        RunInboxAsync("SQLite", directory => ["--inbox", "sqlite", "--inbox-connection", Path.Combine(directory, "inbox.db")]);

    [Fact]
    public Task The_durable_inbox_on_PostgreSQL_handles_every_event_it_answered_200_for_over_20_SIGKILLs()
    {
        var connectionString = Environment.GetEnvironmentVariable("LINECRM_POSTGRES");
        if (string.IsNullOrEmpty(connectionString))
        {
            const string reason = "LINECRM_POSTGRES is not set: start a throwaway PostgreSQL 15 with `source .ci/postgres.sh` and run the tests from that shell.";
            Assert.SkipWhen(Environment.GetEnvironmentVariable("LINECRM_REQUIRE_SERVERS") != "1", reason);
            Assert.Fail(reason + " LINECRM_REQUIRE_SERVERS=1, so this is a failure, not a skip.");
        }

        var schema = $"crash_{Guid.NewGuid():N}";
        return RunInboxAsync("PostgreSQL", _ => ["--inbox", "postgres", "--inbox-connection", connectionString, "--inbox-schema", schema]);
    }

    private static async Task RunInboxAsync(string engine, Func<string, string[]> inboxArguments)
    {
        var directory = Directory.CreateTempSubdirectory("linecrm-crash-inbox-");
        try
        {
            var harness = new WebhookCrashHarness(directory.FullName, inboxArguments(directory.FullName), seed: 18);
            var report = await harness.RunAsync(kills: 20, minAcknowledgedPerLife: 20, maxAcknowledgedPerLife: 200, TestContext.Current.CancellationToken);

            Record($"durable inbox ({engine}): {report}");
            Assert.True(report.Acknowledged.Count >= 20 * 20, $"Too few events got a 200 to mean anything: {report}");
            Assert.Empty(report.Lost);
            Assert.Subset(report.Posted, report.Handled.Keys.ToHashSet(StringComparer.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
