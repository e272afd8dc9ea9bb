using System.Collections.Concurrent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Webhooks;
using LineCrm.Stores.PostgreSql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>
/// Several application instances over one schema: each writer and worker here has a store (and connection pool) of
/// its own, as separate processes would, so nothing in one process can serialize them; only the database can.
/// </summary>
public sealed class PostgreSqlConcurrencyTests : PostgreSqlTest
{
    private CustomerEventEnvelope Clicked(string id) =>
        new(new CustomerEventId(id), new Interaction(Identifier.LineUser("U0123456789abcdef0123456789abcdef"), Time.GetUtcNow(), InteractionKind.Clicked) { Target = id });

    private async Task<PostgreSqlStore[]> OpenStoresAsync(int count)
    {
        var stores = Enumerable.Range(0, count).Select(_ => OpenStore()).ToArray();
        await stores[0].InitializeAsync(Ct);
        return stores;
    }

    [Fact]
    public async Task Eight_instances_appending_overlapping_ids_log_each_id_once_at_the_position_its_appender_was_told()
    {
        var stores = await OpenStoresAsync(8);
        var told = new ConcurrentDictionary<string, long>();
        var toldTwice = new ConcurrentBag<string>();

        await Task.WhenAll(stores.Select((store, writer) => Task.Run(async () =>
        {
            for (var round = 0; round < 25; round++)
            {
                // Each writer's batch overlaps the next writer's by half, in a different order.
                var ids = Enumerable.Range(0, 12).Select(i => $"r{round}-e{((writer * 6) + (i * 7)) % 54}");
                foreach (var logged in await store.Events.AppendAsync([.. ids.Select(Clicked)], Ct))
                {
                    if (!told.TryAdd(logged.Envelope.Id.Value, logged.Position))
                    {
                        toldTwice.Add(logged.Envelope.Id.Value);
                    }
                }
            }
        }, Ct)));

        var read = await ReadAllAsync(stores[0]);
        Assert.Empty(toldTwice);
        Assert.Equal(read.Count, read.Select(e => e.Envelope.Id.Value).Distinct().Count());
        Assert.True(read.Zip(read.Skip(1)).All(pair => pair.First.Position < pair.Second.Position), "positions are not strictly increasing as read");
        Assert.Equal(told.OrderBy(pair => pair.Value).Select(pair => (pair.Key, pair.Value)), read.Select(e => (e.Envelope.Id.Value, e.Position)));
        Assert.Equal(25 * 54, read.Count);
    }

    [Fact]
    public async Task A_reader_polling_its_cursor_while_four_instances_append_misses_no_event()
    {
        // The ordered-visibility property: positions are taken before commit, so without the append lock a writer
        // that took position 8 can commit before the one that took 7, and a reader that has seen 8 skips 7 for good.
        var stores = await OpenStoresAsync(5);
        var reader = stores[4];
        var writers = Task.WhenAll(stores[..4].Select((store, writer) => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await store.Events.AppendAsync([Clicked($"w{writer}-{i}"), Clicked($"w{writer}-{i}-b"), Clicked($"w{writer}-{i}-c")], Ct);
            }
        }, Ct)));

        var seen = new List<LoggedCustomerEvent>();
        long cursor = 0;
        while (true)
        {
            var done = writers.IsCompleted;
            var page = await reader.Events.ReadAsync(cursor, 50, Ct);
            seen.AddRange(page);
            cursor = page.Count > 0 ? page[^1].Position : cursor;
            if (done && page.Count == 0)
            {
                break;
            }
        }

        await writers;
        var all = await ReadAllAsync(reader);
        Assert.Equal(4 * 200 * 3, all.Count);
        Assert.Equal(all.Select(e => (e.Position, e.Envelope.Id.Value)), seen.Select(e => (e.Position, e.Envelope.Id.Value)));
    }

    [Fact]
    public async Task Four_instances_leasing_together_never_hold_one_entry_at_the_same_time_and_lease_each_once()
    {
        var stores = await OpenStoresAsync(4);
        const int count = 400;
        for (var i = 0; i < count; i += 200)
        {
            await stores[0].WebhookInbox.AddAsync([.. Enumerable.Range(i, 200).Select(n => new WebhookInboxItem($"job-{n}", "U", "{}", Time.GetUtcNow()))], Ct);
        }

        var held = new ConcurrentDictionary<string, Guid>();
        var overlaps = new ConcurrentBag<string>();
        var leasedTimes = new ConcurrentDictionary<string, int>();
        await Task.WhenAll(stores.Select((store, worker) => Task.Run(async () =>
        {
            while (await store.WebhookInbox.LeaseAsync(5, TimeSpan.FromHours(1), Ct) is { Count: > 0 } leases)
            {
                foreach (var lease in leases)
                {
                    if (!held.TryAdd(lease.WebhookEventId, lease.LeaseId))
                    {
                        overlaps.Add(lease.WebhookEventId);
                    }

                    leasedTimes.AddOrUpdate(lease.WebhookEventId, 1, (_, n) => n + 1);
                }

                // Odd jobs are released at their first lease, so entries go back and are leased again while other
                // workers hold theirs; a release does not count the attempt.
                foreach (var lease in leases)
                {
                    var finish = JobNumber(lease.WebhookEventId) % 2 == 0 || leasedTimes[lease.WebhookEventId] > 1;
                    held.TryRemove(lease.WebhookEventId, out _);
                    Assert.True(finish ? await store.WebhookInbox.CompleteAsync(lease, Ct) : await store.WebhookInbox.ReleaseAsync(lease, Ct));
                    Assert.Equal(1, lease.Entry.Attempts);
                }
            }
        }, Ct)));

        Assert.Empty(overlaps);
        Assert.Equal(count, leasedTimes.Count);
        Assert.All(leasedTimes, pair => Assert.Equal(JobNumber(pair.Key) % 2 == 0 ? 1 : 2, pair.Value));
        Assert.Equal(new WebhookInboxCounts(0, 0, count, 0), await stores[0].WebhookInbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Instances_adding_the_same_ids_in_different_orders_add_each_once_and_tell_one_caller()
    {
        // Two batches that share ids in opposite orders can each wait for a row the other inserted; PostgreSQL then
        // rolls one back (a deadlock) and the inbox must try it again rather than fail a webhook LINE will redeliver.
        var stores = await OpenStoresAsync(6);
        var told = new ConcurrentBag<string>();

        await Task.WhenAll(stores.Select((store, adder) => Task.Run(async () =>
        {
            for (var round = 0; round < 30; round++)
            {
                var ids = Enumerable.Range(0, 20).Select(i => $"r{round}-{i}");
                var ordered = adder % 2 == 0 ? ids : ids.Reverse();
                var items = ordered.Select(id => new WebhookInboxItem(id, "U", "{}", Time.GetUtcNow())).ToArray();
                var added = await store.WebhookInbox.AddAsync(items, Ct);
                foreach (var item in items.Where((_, i) => added[i]))
                {
                    told.Add(item.WebhookEventId);
                }
            }
        }, Ct)));

        Assert.Equal(30 * 20, told.Count);
        Assert.Equal(30 * 20, told.Distinct().Count());
        Assert.Equal(new WebhookInboxCounts(30 * 20, 0, 0, 0), await stores[0].WebhookInbox.CountAsync(Ct));
    }

    private static int JobNumber(string id) => int.Parse(id["job-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<LoggedCustomerEvent>> ReadAllAsync(PostgreSqlStore store)
    {
        var all = new List<LoggedCustomerEvent>();
        while (await store.Events.ReadAsync(all.Count > 0 ? all[^1].Position : 0, CustomerEventLogLimits.MaxReadCount, Ct) is { Count: > 0 } page)
        {
            all.AddRange(page);
        }

        return all;
    }
}
