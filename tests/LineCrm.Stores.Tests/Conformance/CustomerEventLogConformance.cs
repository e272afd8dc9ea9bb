using System.Collections.Concurrent;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Stores.Tests.Conformance;

/// <summary>What every <see cref="ICustomerEventLog"/> engine must do: its interface's contract, bullet by bullet.</summary>
public abstract class CustomerEventLogConformance(StoreHarness harness) : StoreConformance(harness)
{
    private ICustomerEventLog Log => Stores.Events;

    private static CustomerEventEnvelope Clicked(string id, string user = "U0123456789abcdef0123456789abcdef", string? target = null) =>
        new(new CustomerEventId(id), new Interaction(Identifier.LineUser(user), Start, InteractionKind.Clicked) { Target = target, CampaignId = "spring" });

    private static CustomerEventEnvelope Bought(string id) =>
        new(new CustomerEventId(id), new Purchase("order-" + id, Identifier.WebMember("m-7"), Start.AddMinutes(3), 4_980m, "JPY", PurchaseChannel.Web)
        {
            Items = [new LineItem("sku-1", "tea", 2, 1_990m), new LineItem("sku-2", null, 1, 1_000m)],
        });

    /// <summary>Events compared as their stored JSON: the same fields, whatever the engine.</summary>
    private static string[] Json(IEnumerable<LoggedCustomerEvent> events) =>
        [.. events.Select(e => $"{e.Envelope.Id}={CustomerEventJson.Serialize(e.Envelope.Event)}")];

    [Fact]
    public async Task Appended_events_read_back_field_for_field_in_append_order_with_increasing_positions()
    {
        CustomerEventEnvelope[] batch =
        [
            Clicked("e1", target: "https://shop.example/tea"),
            Bought("e2"),
            new(new CustomerEventId("e3"), new IdentityLink(Identifier.LineUser("U0123456789abcdef0123456789abcdef"), Identifier.WebMember("m-7"), Start, LinkSource.AccountLink)),
        ];

        var appended = await Log.AppendAsync(batch, Ct);
        var read = await Log.ReadAsync(0, 100, Ct);

        Assert.Equal(["e1", "e2", "e3"], appended.Select(e => e.Envelope.Id.Value));
        Assert.Equal(Json(appended), Json(read));
        Assert.Equal(
            batch.Select(e => $"{e.Id}={CustomerEventJson.Serialize(e.Event)}"),
            Json(read));
        Assert.Equal(appended.Select(e => e.Position), read.Select(e => e.Position));
        Assert.True(read[0].Position >= 1);
        Assert.True(read[0].Position < read[1].Position && read[1].Position < read[2].Position);
    }

    [Fact]
    public async Task An_id_already_logged_is_skipped_and_the_first_envelope_wins_even_when_the_event_differs()
    {
        await Log.AppendAsync([Clicked("same", target: "first")], Ct);

        var again = await Log.AppendAsync([Clicked("same", target: "second"), Clicked("other")], Ct);

        Assert.Equal(["other"], again.Select(e => e.Envelope.Id.Value));
        var read = await Log.ReadAsync(0, 10, Ct);
        Assert.Equal(["same", "other"], read.Select(e => e.Envelope.Id.Value));
        Assert.Equal("first", ((Interaction)read[0].Envelope.Event).Target);
    }

    [Fact]
    public async Task An_id_given_twice_in_one_batch_is_appended_once_the_first()
    {
        var appended = await Log.AppendAsync([Clicked("twice", target: "first"), Clicked("twice", target: "second")], Ct);

        var logged = Assert.Single(appended);
        Assert.Equal("first", ((Interaction)logged.Envelope.Event).Target);
        Assert.Single(await Log.ReadAsync(0, 10, Ct));
    }

    [Fact]
    public async Task Concurrent_appenders_of_overlapping_ids_append_each_id_once_and_exactly_one_of_them_is_told_it_was_new()
    {
        var told = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), new ParallelOptions { CancellationToken = Ct }, async (writer, ct) =>
        {
            for (var round = 0; round < 20; round++)
            {
                // Writers w and w+1 share half their ids in every round.
                var ids = Enumerable.Range(0, 10).Select(i => $"r{round}-e{((writer * 5) + i) % 45}");
                foreach (var logged in await Log.AppendAsync([.. ids.Select(id => Clicked(id))], ct))
                {
                    told.Add(logged.Envelope.Id.Value);
                }
            }
        });

        var read = await ReadAllAsync();
        Assert.Equal(read.Count, read.Select(e => e.Envelope.Id).Distinct().Count());
        Assert.Equal(read.Select(e => e.Envelope.Id.Value).Order(StringComparer.Ordinal), told.Order(StringComparer.Ordinal));
        Assert.Equal(20 * 45, read.Count);
    }

    [Fact]
    public async Task A_reader_following_its_cursor_while_writers_append_misses_no_event()
    {
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 150; i++)
            {
                await Log.AppendAsync([Clicked($"w{w}-{i}"), Clicked($"w{w}-{i}-b")], Ct);
            }
        }, Ct)).ToArray();
        var allWritten = Task.WhenAll(writers);

        var seen = new List<LoggedCustomerEvent>();
        long cursor = 0;
        while (true)
        {
            var done = allWritten.IsCompleted;
            var page = await Log.ReadAsync(cursor, 37, Ct);
            seen.AddRange(page);
            cursor = page.Count > 0 ? page[^1].Position : cursor;
            if (done && page.Count == 0)
            {
                break;
            }
        }

        await allWritten;
        Assert.Equal(4 * 150 * 2, seen.Count);
        Assert.Equal(seen.Select(e => e.Position).Order(), seen.Select(e => e.Position));
        Assert.Equal(Json(await ReadAllAsync()), Json(seen));
    }

    [Fact]
    public async Task Reading_pages_by_position_returns_at_most_max_count_and_then_nothing()
    {
        await Log.AppendAsync([.. Enumerable.Range(0, 25).Select(i => Clicked($"p{i}"))], Ct);

        var first = await Log.ReadAsync(0, 10, Ct);
        var second = await Log.ReadAsync(first[^1].Position, 10, Ct);
        var third = await Log.ReadAsync(second[^1].Position, 10, Ct);
        var after = await Log.ReadAsync(third[^1].Position, 10, Ct);

        Assert.Equal([10, 10, 5, 0], new[] { first.Count, second.Count, third.Count, after.Count });
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"p{i}"), first.Concat(second).Concat(third).Select(e => e.Envelope.Id.Value));
    }

    [Fact]
    public async Task Events_survive_a_restart_and_later_appends_get_greater_positions_and_dedupe_still_holds()
    {
        var before = await Log.AppendAsync([Clicked("a"), Bought("b")], Ct);

        await ReopenAsync();
        var again = await Log.AppendAsync([Clicked("a"), Clicked("c")], Ct);
        var read = await Log.ReadAsync(0, 10, Ct);

        Assert.Equal(["c"], again.Select(e => e.Envelope.Id.Value));
        Assert.True(again[0].Position > before[^1].Position);
        Assert.Equal([.. Json(before), .. Json(again)], Json(read));
    }

    [Fact]
    public async Task A_batch_with_an_event_that_has_no_stored_form_fails_whole_with_nothing_appended()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(async () =>
            await Log.AppendAsync([Clicked("fine"), new CustomerEventEnvelope(new CustomerEventId("odd"), new UnknownKind())], Ct));

        Assert.Contains(nameof(UnknownKind), error.Message, StringComparison.Ordinal);
        Assert.Empty(await Log.ReadAsync(0, 10, Ct));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        var nullAt1 = await Assert.ThrowsAsync<ArgumentException>(async () => await Log.AppendAsync([Clicked("x"), null!], Ct));
        Assert.Contains("[1]", nullAt1.Message, StringComparison.Ordinal);
        var tooMany = Enumerable.Range(0, CustomerEventLogLimits.MaxAppendCount + 1).Select(i => Clicked($"t{i}")).ToArray();
        await Assert.ThrowsAsync<ArgumentException>(async () => await Log.AppendAsync(tooMany, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Log.ReadAsync(-1, 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Log.ReadAsync(0, 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Log.ReadAsync(0, CustomerEventLogLimits.MaxReadCount + 1, Ct));
        Assert.Empty(await Log.ReadAsync(0, 10, Ct));
        Assert.Empty(await Log.AppendAsync([], Ct));
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_appends_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Log.AppendAsync([Clicked("never")], cancelled.Token));

        Assert.Empty(await Log.ReadAsync(0, 10, Ct));
    }

    private async Task<List<LoggedCustomerEvent>> ReadAllAsync()
    {
        var all = new List<LoggedCustomerEvent>();
        long cursor = 0;
        while (await Log.ReadAsync(cursor, 1_000, Ct) is { Count: > 0 } page)
        {
            all.AddRange(page);
            cursor = page[^1].Position;
        }

        return all;
    }

    private sealed record UnknownKind : ICustomerEvent
    {
        public Identifier Subject => Identifier.WebMember("m-1");

        public DateTimeOffset At => Start;
    }
}
