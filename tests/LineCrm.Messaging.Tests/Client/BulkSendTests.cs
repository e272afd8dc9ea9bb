using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Client;

public sealed class BulkSendTests
{
    private static readonly TextMessage Sale = new("Winter sale starts today");

    private static string User(int i) => $"U{i:x32}";

    [Fact]
    public void Create_reports_invalid_and_duplicate_ids_and_cuts_the_rest_into_chunks_with_distinct_keys()
    {
        string[] ids = [User(1), "not-a-user", User(2), User(1), "Uabc", User(3), User(2), User(2), "U" + new string('F', 32)];

        var job = BulkSendJob.Create(ids, [Sale], chunkSize: 2);

        Assert.Equal(["not-a-user", "Uabc", "U" + new string('F', 32)], job.InvalidUserIds);
        Assert.Equal([User(1), User(2)], job.DuplicateUserIds.Order(StringComparer.Ordinal));
        Assert.Equal([[User(1), User(2)], [User(3)]], job.Chunks.Select(c => c.UserIds.ToArray()));
        Assert.Equal(2, job.Chunks.Select(c => c.RetryKey).Distinct().Count());
        Assert.All(job.Chunks, c => Assert.Equal(BulkChunkStatus.Pending, c.Status));
    }

    [Fact]
    public void A_saved_job_reads_back_identically()
    {
        var job = BulkSendJob.Create(Enumerable.Range(0, 1200).Select(User).Append("bad"), [Sale, new TextMessage("second")]);

        var json = job.ToJson();
        var back = BulkSendJob.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Equal([500, 500, 200], back.Chunks.Select(c => c.UserIds.Count));
        Assert.Equal(job.Chunks.Select(c => c.RetryKey), back.Chunks.Select(c => c.RetryKey));
    }

    [Fact]
    public async Task A_job_resumed_after_a_crash_sends_no_chunk_twice()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var users = Enumerable.Range(0, 100).Select(User).ToArray();
        var saved = new List<string>();
        var ct = TestContext.Current.CancellationToken;
        var options = new BulkSendOptions
        {
            MaxConcurrency = 1,
            Checkpoint = (state, _) =>
            {
                // The sixth save (after the fifth chunk was accepted by LINE) never happens: the process "dies".
                if (saved.Count == 5)
                {
                    throw new IOException("disk full");
                }

                saved.Add(state.ToJson());
                return ValueTask.CompletedTask;
            },
        };

        await Assert.ThrowsAsync<IOException>(() => line.Client.SendBulkAsync(BulkSendJob.Create(users, [Sale], chunkSize: 10), options, ct));
        var lastSaved = BulkSendJob.FromJson(saved[^1]);
        Assert.Equal(4, lastSaved.Chunks.Count(c => c.Status == BulkChunkStatus.Accepted));
        Assert.Equal(50, line.Server.DeliveriesByRecipient.Count); // LINE has five chunks; the state knows of four

        var resumed = await line.Client.SendBulkAsync(lastSaved, new BulkSendOptions { MaxConcurrency = 3 }, ct);

        Assert.True(resumed.IsComplete);
        Assert.Equal(100, resumed.AcceptedRecipients);
        var redelivered = Assert.Single(resumed.Chunks, c => c.AcceptedRequestId is not null);
        Assert.Equal(4, redelivered.Index);
        Assert.Equal(users.Order(StringComparer.Ordinal), line.Server.DeliveriesByRecipient.Keys.Order(StringComparer.Ordinal));
        Assert.All(line.Server.DeliveriesByRecipient.Values, count => Assert.Equal(1, count));
        Assert.Equal(10, line.Server.Deliveries.Count);
    }

    [Fact]
    public async Task A_chunk_LINE_refuses_is_reported_with_the_reason_and_the_others_go_on()
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.Routes.Handle("multicast", call =>
            call.Body!.Value.GetProperty("to")[0].GetString() == User(10)
                ? FakeLineReply.Error(400, "The request body has 1 error(s)", ("to[0]", "The user hasn't added the LINE Official Account as a friend."))
                : FakeLineReply.Ok());

        var result = await line.Client.SendBulkAsync(
            BulkSendJob.Create(Enumerable.Range(0, 30).Select(User), [Sale], chunkSize: 10), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.IsComplete);
        Assert.Equal([BulkChunkStatus.Accepted, BulkChunkStatus.Failed, BulkChunkStatus.Accepted], result.Chunks.Select(c => c.Status));
        Assert.Equal(400, result.Chunks[1].FailureStatus);
        Assert.Contains("to[0]", result.Chunks[1].FailureReason, StringComparison.Ordinal);
        Assert.Equal(20, result.AcceptedRecipients);
        Assert.Equal(10, result.FailedRecipients);
        Assert.Equal(3, line.Server.RequestsOf("multicast").Count); // a 400 is not retried
    }

    [Fact]
    public async Task Fault_injection_100000_recipients_each_receive_exactly_once()
    {
        await using var line = await FakeLineHarness.StartAsync(options => options.Retry.MaxRetries = 10);
        line.Server.UseFaultMix(new FakeLineFaultMix(Seed: 20261123, ServerErrorRate: 0.10, ThrottleRate: 0.05, DropRate: 0.02, OperationId: "multicast"));
        var users = Enumerable.Range(0, 100_000).Select(User).ToArray();
        string[] noise = [User(7), User(99_999), "U-not-an-id", ""];

        var job = BulkSendJob.Create(users.Concat(noise), [Sale]);
        var result = await line.Client.SendBulkAsync(job, new BulkSendOptions { MaxConcurrency = 8 }, TestContext.Current.CancellationToken);

        Assert.True(result.IsComplete, string.Join("; ", result.Chunks.Where(c => c.Status != BulkChunkStatus.Accepted).Select(c => c.FailureReason)));
        Assert.Equal(200, result.Chunks.Count);
        Assert.Equal(100_000, line.Server.DeliveriesByRecipient.Count);
        Assert.All(line.Server.DeliveriesByRecipient, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(100_000, line.Server.Deliveries.Sum(d => d.Recipients.Count));
        Assert.Equal(["U-not-an-id", ""], result.InvalidUserIds);
        Assert.Equal([User(7), User(99_999)], result.DuplicateUserIds.Order(StringComparer.Ordinal));

        // The run was really faulty: every kind of fault was played, and retries met LINE's 409 for accepted keys.
        var faults = line.Server.RequestsOf("multicast").Where(r => r.Fault is not null).Select(r => r.Fault!.Value).ToHashSet();
        Assert.Superset(
            new HashSet<FakeLineFaultKind>
            {
                FakeLineFaultKind.ServerError, FakeLineFaultKind.ServerErrorAfterProcessing, FakeLineFaultKind.TooManyRequests,
                FakeLineFaultKind.DropConnection, FakeLineFaultKind.DropConnectionAfterProcessing,
            },
            faults);
        Assert.Contains(result.Chunks, c => c.AcceptedRequestId is not null);
    }
}
