using System.Collections.Concurrent;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Stores.Tests.Conformance;

/// <summary>What every <see cref="IWebhookInbox"/> engine must do: its interface's contract, bullet by bullet.</summary>
public abstract class WebhookInboxConformance(StoreHarness harness) : StoreConformance(harness)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private IWebhookInbox Inbox => Stores.Inbox;

    private WebhookInboxItem Item(string id, string json = """{"type":"follow"}""") => new(id, "Udestination", json, Time.GetUtcNow());

    private async Task<WebhookInboxLease> LeaseOneAsync(TimeSpan? duration = null) => Assert.Single(await Inbox.LeaseAsync(1, duration ?? Minute, Ct));

    [Fact]
    public async Task Adding_reports_each_new_id_and_a_redelivered_or_repeated_id_as_not_new()
    {
        Assert.Equal([true, true], await Inbox.AddAsync([Item("a"), Item("b")], Ct));

        Assert.Equal([false, true, false], await Inbox.AddAsync([Item("a"), Item("c"), Item("c")], Ct));
        Assert.Equal(new WebhookInboxCounts(3, 0, 0, 0), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task An_entry_keeps_the_item_as_added_with_times_to_the_microsecond_in_utc()
    {
        var item = new WebhookInboxItem("t1", "Udest", """{"type":"message","text":"こんにちは"}""", Start);
        await Inbox.AddAsync([item], Ct);

        var entry = await Inbox.FindAsync("t1", Ct);

        Assert.NotNull(entry);
        Assert.Equal(item with { ReceivedAt = AsStored(Start) }, entry.Item);
        Assert.Equal(TimeSpan.Zero, entry.Item.ReceivedAt.Offset);
        Assert.Equal(AsStored(Start).UtcTicks, entry.Item.ReceivedAt.UtcTicks);
        Assert.Equal(WebhookInboxState.Pending, entry.State);
        Assert.Equal(0, entry.Attempts);
        Assert.True(entry.Sequence >= 1);
        Assert.Null(entry.LastError);
        Assert.Null(await Inbox.FindAsync("never-added", Ct));
    }

    [Fact]
    public async Task Concurrent_adds_of_one_id_make_one_entry_and_tell_exactly_one_caller_it_was_new()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => (await Inbox.AddAsync([Item("contested")], Ct))[0], Ct)));

        Assert.Single(results, added => added);
        Assert.Equal(new WebhookInboxCounts(1, 0, 0, 0), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Due_entries_are_leased_oldest_first_and_each_lease_counts_an_attempt_and_expires_when_promised()
    {
        await Inbox.AddAsync([Item("first")], Ct);
        await Inbox.AddAsync([Item("second"), Item("third")], Ct);

        var leases = await Inbox.LeaseAsync(2, Minute, Ct);

        Assert.Equal(["first", "second"], leases.Select(l => l.WebhookEventId));
        Assert.True(leases[0].Entry.Sequence < leases[1].Entry.Sequence);
        Assert.All(leases, l =>
        {
            Assert.Equal(1, l.Entry.Attempts);
            Assert.Equal(WebhookInboxState.Leased, l.Entry.State);
            Assert.Equal(AsStored(Start + Minute), l.ExpiresAt);
            Assert.Equal(l.ExpiresAt, l.Entry.NextAttemptAt);
        });
        Assert.NotEqual(leases[0].LeaseId, leases[1].LeaseId);
        Assert.Equal(["third"], (await Inbox.LeaseAsync(10, Minute, Ct)).Select(l => l.WebhookEventId));
        Assert.Empty(await Inbox.LeaseAsync(10, Minute, Ct));
        Assert.Equal(new WebhookInboxCounts(0, 3, 0, 0), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task An_expired_lease_is_handed_out_again_with_a_new_id_and_the_old_lease_can_no_longer_report()
    {
        await Inbox.AddAsync([Item("slow")], Ct);
        var first = await LeaseOneAsync();

        Time.Advance(Minute - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Inbox.LeaseAsync(1, Minute, Ct));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await LeaseOneAsync();

        Assert.NotEqual(first.LeaseId, second.LeaseId);
        Assert.Equal(2, second.Entry.Attempts);
        Assert.False(await Inbox.CompleteAsync(first, Ct));
        Assert.False(await Inbox.RetryLaterAsync(first, "late", Time.GetUtcNow(), Ct));
        Assert.False(await Inbox.DeadLetterAsync(first, "late", Ct));
        Assert.False(await Inbox.ReleaseAsync(first, Ct));
        Assert.Equal(WebhookInboxState.Leased, (await Inbox.FindAsync("slow", Ct))!.State);
        Assert.True(await Inbox.CompleteAsync(second, Ct));
        Assert.Equal(WebhookInboxState.Completed, (await Inbox.FindAsync("slow", Ct))!.State);
    }

    [Fact]
    public async Task A_lease_that_expired_but_was_not_taken_again_may_still_complete()
    {
        await Inbox.AddAsync([Item("late")], Ct);
        var lease = await LeaseOneAsync();
        Time.Advance(Minute * 2);

        Assert.True(await Inbox.CompleteAsync(lease, Ct));
        Assert.False(await Inbox.CompleteAsync(lease, Ct));
        Assert.Empty(await Inbox.LeaseAsync(1, Minute, Ct));
    }

    [Fact]
    public async Task A_completed_entry_is_never_leased_again_and_still_recognises_a_redelivery()
    {
        await Inbox.AddAsync([Item("done")], Ct);
        Assert.True(await Inbox.CompleteAsync(await LeaseOneAsync(), Ct));
        Time.Advance(TimeSpan.FromDays(2));

        Assert.Empty(await Inbox.LeaseAsync(10, Minute, Ct));
        Assert.Equal([false], await Inbox.AddAsync([Item("done")], Ct));
        Assert.Equal(new WebhookInboxCounts(0, 0, 1, 0), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task A_retried_entry_waits_for_its_next_attempt_and_keeps_its_error()
    {
        await Inbox.AddAsync([Item("flaky")], Ct);
        var next = Time.GetUtcNow() + TimeSpan.FromSeconds(30);
        Assert.True(await Inbox.RetryLaterAsync(await LeaseOneAsync(), "HTTP 503 from the CRM", next, Ct));

        var waiting = await Inbox.FindAsync("flaky", Ct);
        Assert.Equal(WebhookInboxState.Pending, waiting!.State);
        Assert.Equal(AsStored(next), waiting.NextAttemptAt);
        Assert.Equal("HTTP 503 from the CRM", waiting.LastError);
        Assert.Empty(await Inbox.LeaseAsync(1, Minute, Ct));

        Time.Advance(TimeSpan.FromSeconds(30));
        var again = await LeaseOneAsync();
        Assert.Equal(2, again.Entry.Attempts);
        Assert.Equal("HTTP 503 from the CRM", again.Entry.LastError);
    }

    [Fact]
    public async Task A_long_error_is_kept_to_the_limit()
    {
        await Inbox.AddAsync([Item("verbose")], Ct);
        var error = new string('x', WebhookInboxLimits.MaxErrorLength) + "tail";

        await Inbox.DeadLetterAsync(await LeaseOneAsync(), error, Ct);

        Assert.Equal(error[..WebhookInboxLimits.MaxErrorLength], (await Inbox.FindAsync("verbose", Ct))!.LastError);
    }

    [Fact]
    public async Task Dead_entries_are_listed_a_page_at_a_time_and_replay_makes_one_pending_with_attempts_reset_and_error_kept()
    {
        await Inbox.AddAsync([Item("d1"), Item("ok"), Item("d2"), Item("d3")], Ct);
        foreach (var lease in await Inbox.LeaseAsync(10, Minute, Ct))
        {
            if (lease.WebhookEventId == "ok")
            {
                await Inbox.CompleteAsync(lease, Ct);
            }
            else
            {
                Assert.True(await Inbox.DeadLetterAsync(lease, "poison " + lease.WebhookEventId, Ct));
            }
        }

        var page1 = await Inbox.ListDeadAsync(0, 2, Ct);
        var page2 = await Inbox.ListDeadAsync(page1[^1].Sequence, 2, Ct);
        Assert.Equal(["d1", "d2"], page1.Select(e => e.WebhookEventId));
        Assert.Equal(["d3"], page2.Select(e => e.WebhookEventId));
        Assert.All(page1.Concat(page2), e => Assert.Equal(WebhookInboxState.Dead, e.State));
        Assert.Empty(await Inbox.LeaseAsync(10, Minute, Ct));

        Assert.True(await Inbox.ReplayAsync("d2", Ct));
        Assert.False(await Inbox.ReplayAsync("d2", Ct));
        Assert.False(await Inbox.ReplayAsync("ok", Ct));
        Assert.False(await Inbox.ReplayAsync("missing", Ct));
        var replayed = await Inbox.FindAsync("d2", Ct);
        Assert.Equal((WebhookInboxState.Pending, 0, "poison d2"), (replayed!.State, replayed.Attempts, replayed.LastError));
        Assert.Equal(["d1", "d3"], (await Inbox.ListDeadAsync(0, 10, Ct)).Select(e => e.WebhookEventId));
        var lease2 = await LeaseOneAsync();
        Assert.Equal(("d2", 1), (lease2.WebhookEventId, lease2.Entry.Attempts));
        Assert.Equal(new WebhookInboxCounts(0, 1, 1, 2), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task A_released_lease_is_due_at_once_and_its_attempt_is_not_counted()
    {
        await Inbox.AddAsync([Item("stopping")], Ct);
        var lease = await LeaseOneAsync();

        Assert.True(await Inbox.ReleaseAsync(lease, Ct));
        Assert.False(await Inbox.ReleaseAsync(lease, Ct));

        var again = await LeaseOneAsync();
        Assert.Equal(1, again.Entry.Attempts);
    }

    [Fact]
    public async Task Purge_removes_only_completed_entries_received_before_the_cutoff_and_a_purged_id_is_new_again()
    {
        await Inbox.AddAsync([Item("old-done"), Item("old-dead"), Item("old-pending")], Ct);
        foreach (var lease in await Inbox.LeaseAsync(2, Minute, Ct))
        {
            _ = lease.WebhookEventId == "old-done" ? await Inbox.CompleteAsync(lease, Ct) : await Inbox.DeadLetterAsync(lease, "bad", Ct);
        }

        var cutoff = Time.GetUtcNow() + TimeSpan.FromSeconds(1);
        Time.Advance(TimeSpan.FromHours(1));
        await Inbox.AddAsync([Item("new-done")], Ct);
        await Inbox.CompleteAsync(Assert.Single(await Inbox.LeaseAsync(10, Minute, Ct), l => l.WebhookEventId == "new-done"), Ct);

        Assert.Equal(1, await Inbox.PurgeCompletedAsync(cutoff, Ct));
        Assert.Equal(0, await Inbox.PurgeCompletedAsync(cutoff, Ct));

        Assert.Null(await Inbox.FindAsync("old-done", Ct));
        Assert.NotNull(await Inbox.FindAsync("old-dead", Ct));
        Assert.NotNull(await Inbox.FindAsync("old-pending", Ct));
        Assert.NotNull(await Inbox.FindAsync("new-done", Ct));
        Assert.Equal([true, false], await Inbox.AddAsync([Item("old-done"), Item("new-done")], Ct));
    }

    [Fact]
    public async Task Entries_and_leases_survive_a_restart_and_so_does_dedupe()
    {
        await Inbox.AddAsync([Item("kept-1"), Item("kept-2"), Item("kept-3")], Ct);
        var leased = await LeaseOneAsync();
        await Inbox.CompleteAsync(await LeaseOneAsync(), Ct);

        await ReopenAsync();

        Assert.Equal([false, false, false], await Inbox.AddAsync([Item("kept-1"), Item("kept-2"), Item("kept-3")], Ct));
        Assert.Equal(new WebhookInboxCounts(1, 1, 1, 0), await Inbox.CountAsync(Ct));
        Assert.Equal(["kept-3"], (await Inbox.LeaseAsync(10, Minute, Ct)).Select(l => l.WebhookEventId));
        Assert.True(await Inbox.CompleteAsync(leased, Ct));
    }

    [Fact]
    public async Task Concurrent_workers_never_hold_one_entry_at_the_same_time()
    {
        const int count = 300;
        for (var i = 0; i < count; i += 100)
        {
            await Inbox.AddAsync([.. Enumerable.Range(i, 100).Select(n => Item($"job-{n}"))], Ct);
        }

        var handled = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), new ParallelOptions { CancellationToken = Ct }, async (_, ct) =>
        {
            while (await Inbox.LeaseAsync(7, TimeSpan.FromHours(1), ct) is { Count: > 0 } leases)
            {
                foreach (var lease in leases)
                {
                    handled.Add(lease.WebhookEventId);
                    Assert.True(await Inbox.CompleteAsync(lease, ct));
                }
            }
        });

        Assert.Equal(count, handled.Count);
        Assert.Equal(count, handled.Distinct().Count());
        Assert.Equal(new WebhookInboxCounts(0, 0, count, 0), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Completions_arriving_together_each_get_their_own_answer()
    {
        await Inbox.AddAsync([.. Enumerable.Range(0, 200).Select(n => Item($"burst-{n}"))], Ct);
        var stale = await Inbox.LeaseAsync(50, Minute, Ct);
        Time.Advance(Minute);
        var current = (await Inbox.LeaseAsync(1_000, Minute, Ct)).ToArray();
        Assert.Equal(200, current.Length);

        // Every current lease completed twice at once, and the 50 expired leases of the same entries with them.
        var calls = current.Concat(current).Concat(stale).Select(lease => (lease, Task.Run(async () => await Inbox.CompleteAsync(lease, Ct), Ct))).ToArray();
        await Task.WhenAll(calls.Select(c => c.Item2));

        var byLease = calls.GroupBy(c => c.lease.LeaseId).ToDictionary(g => g.Key, g => g.Count(c => c.Item2.Result));
        Assert.All(current, lease => Assert.Equal(1, byLease[lease.LeaseId]));
        Assert.All(stale, lease => Assert.Equal(0, byLease[lease.LeaseId]));
        Assert.Equal(new WebhookInboxCounts(0, 0, 200, 0), await Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_the_documented_exceptions()
    {
        var nullAt1 = await Assert.ThrowsAsync<ArgumentException>(async () => await Inbox.AddAsync([Item("x"), null!], Ct));
        Assert.Contains("[1]", nullAt1.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await Inbox.AddAsync([.. Enumerable.Range(0, WebhookInboxLimits.MaxBatchCount + 1).Select(i => Item($"big-{i}"))], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Inbox.LeaseAsync(0, Minute, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Inbox.LeaseAsync(WebhookInboxLimits.MaxBatchCount + 1, Minute, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Inbox.LeaseAsync(1, TimeSpan.Zero, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Inbox.LeaseAsync(1, WebhookInboxLimits.MaxLeaseDuration + TimeSpan.FromTicks(1), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Inbox.ListDeadAsync(-1, 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Inbox.ListDeadAsync(0, 0, Ct));
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 0), await Inbox.CountAsync(Ct));
        Assert.Empty(await Inbox.AddAsync([], Ct));
    }
}
