using System.Text.Json;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Stores.PostgreSql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>What the rows hold, read with plain SQL: the contract's "same bytes everywhere", and what a bad row does.</summary>
public sealed class PostgreSqlStorageTests : PostgreSqlTest
{
    private async Task<PostgreSqlStore> OpenAsync()
    {
        var store = OpenStore();
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task An_event_is_stored_as_exactly_the_bytes_of_CustomerEventJson()
    {
        var store = await OpenAsync();
        var purchase = new Purchase("order-1", Identifier.WebMember("m-7"), Time.GetUtcNow(), 1_200.50m, "JPY", PurchaseChannel.Web);

        await store.Events.AppendAsync([new(new CustomerEventId("bytes"), purchase)], Ct);

        var stored = await PostgreSqlServer.ScalarAsync<byte[]>($"SELECT body FROM {Schema}.customer_events WHERE event_id = 'bytes'", Ct);
        Assert.Equal(CustomerEventJson.SerializeToUtf8Bytes(purchase), stored);
    }

    [Fact]
    public async Task A_stored_event_that_cannot_be_read_fails_the_read_naming_its_position()
    {
        var store = await OpenAsync();
        var logged = await store.Events.AppendAsync([new(new CustomerEventId("good"), new Interaction(Identifier.LineUser("U0123456789abcdef0123456789abcdef"), Time.GetUtcNow(), InteractionKind.Clicked))], Ct);
        var position = Assert.Single(logged).Position;
        await PostgreSqlServer.ExecuteAsync($"UPDATE {Schema}.customer_events SET body = convert_to('{{\"type\":\"teleport\"}}', 'UTF8')", Ct);

        var error = await Assert.ThrowsAsync<JsonException>(async () => await store.Events.ReadAsync(0, 10, Ct));

        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_with_no_stored_form_fails_the_batch_even_as_a_repeat_of_an_id_that_would_be_skipped()
    {
        var store = await OpenAsync();
        var clicked = new Interaction(Identifier.LineUser("U0123456789abcdef0123456789abcdef"), Time.GetUtcNow(), InteractionKind.Clicked);

        await Assert.ThrowsAsync<NotSupportedException>(async () =>
            await store.Events.AppendAsync([new(new CustomerEventId("same"), clicked), new(new CustomerEventId("same"), new Unstorable(((ICustomerEvent)clicked).Subject, clicked.At))], Ct));

        Assert.Empty(await store.Events.ReadAsync(0, 10, Ct));
    }

    [Fact]
    public async Task Inbox_times_are_stored_as_microseconds_since_the_epoch_from_the_injected_clock()
    {
        var store = await OpenAsync();
        var receivedAt = Time.GetUtcNow().AddTicks(7);

        await store.WebhookInbox.AddAsync([new("timed", "U", "{}", receivedAt)], Ct);

        var received = await PostgreSqlServer.ScalarAsync<long>($"SELECT received_at FROM {Schema}.webhook_inbox", Ct);
        var due = await PostgreSqlServer.ScalarAsync<long>($"SELECT due_at FROM {Schema}.webhook_inbox", Ct);
        Assert.Equal(receivedAt.ToUnixTimeMilliseconds() * 1_000, received);
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000, due);
    }

    [Fact]
    public async Task A_checkpoint_writes_one_row_per_chunk_and_the_header_once_without_chunks()
    {
        var store = await OpenAsync();
        var job = BulkSendJob.Create(Enumerable.Range(0, 5).Select(i => $"U{i:x32}"), [new TextMessage("hi")], chunkSize: 2);

        await store.BulkSendCheckpoints.CreateJobAsync(job, Ct);
        await store.BulkSendCheckpoints.SaveChunksAsync(job.JobId, [job.Chunks[1]], Ct);

        var header = await PostgreSqlServer.ScalarAsync<string>($"SELECT header FROM {Schema}.bulk_jobs", Ct);
        Assert.Equal((job with { Chunks = [] }).ToJson(), header);
        Assert.Equal(1L, await PostgreSqlServer.ScalarAsync<long>($"SELECT count(*) FROM {Schema}.bulk_chunks", Ct));
        Assert.Equal(job.Chunks[1].UserIds, await PostgreSqlServer.ScalarAsync<string[]>($"SELECT user_ids FROM {Schema}.bulk_chunk_recipients WHERE idx = 1", Ct));
    }

    [Fact]
    public async Task An_outcome_save_leaves_the_recipients_row_alone()
    {
        var store = await OpenAsync();
        var job = BulkSendJob.Create(Enumerable.Range(0, 4).Select(i => $"U{i:x32}"), [new TextMessage("hi")], chunkSize: 2);
        await store.BulkSendCheckpoints.CreateJobAsync(job, Ct);
        await store.BulkSendCheckpoints.SaveChunksAsync(job.JobId, job.Chunks, Ct);
        var written = await PostgreSqlServer.ScalarAsync<string>($"SELECT string_agg(xmin::text, ',' ORDER BY idx) FROM {Schema}.bulk_chunk_recipients", Ct);

        await store.BulkSendCheckpoints.SaveChunksAsync(job.JobId, [.. job.Chunks.Select(c => c with { Status = BulkChunkStatus.Accepted, UserIds = ["U" + new string('f', 32)] })], Ct);

        // xmin is the transaction that wrote a row version: unchanged means the outcome save did not touch the row.
        Assert.Equal(written, await PostgreSqlServer.ScalarAsync<string>($"SELECT string_agg(xmin::text, ',' ORDER BY idx) FROM {Schema}.bulk_chunk_recipients", Ct));
        Assert.Equal(2L, await PostgreSqlServer.ScalarAsync<long>($"SELECT count(*) FROM {Schema}.bulk_chunks WHERE status = {(int)BulkChunkStatus.Accepted}", Ct));
    }

    private sealed record Unstorable(Identifier Subject, DateTimeOffset At) : ICustomerEvent;
}
