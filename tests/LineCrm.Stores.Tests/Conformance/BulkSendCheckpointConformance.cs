using FsCheck;
using FsCheck.Fluent;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;

namespace LineCrm.Stores.Tests.Conformance;

/// <summary>What every <see cref="IBulkSendCheckpointStore"/> engine must do: its interface's contract, bullet by bullet.</summary>
public abstract class BulkSendCheckpointConformance(StoreHarness harness) : StoreConformance(harness)
{
    private IBulkSendCheckpointStore Checkpoints => Stores.Checkpoints;

    private static string User(int n) => $"U{n:x32}";

    private static BulkSendJob NewJob(int recipients = 5, int chunkSize = 2) =>
        BulkSendJob.Create(Enumerable.Range(1, recipients).Select(User).Append("not-a-user").Append(User(1)), [new TextMessage("セール開始")], chunkSize)
            with
        { NotificationDisabled = true };

    private static string Describe(BulkSendChunk c) =>
        $"{c.Index}|{c.RetryKey}|{string.Join(',', c.UserIds)}|{c.Status}|{c.RequestId}|{c.AcceptedRequestId}|{c.FailureStatus}|{c.FailureReason}";

    [Fact]
    public async Task A_new_job_stores_its_header_once_and_loads_without_chunks()
    {
        var job = NewJob();

        Assert.True(await Checkpoints.CreateJobAsync(job, Ct));
        Assert.False(await Checkpoints.CreateJobAsync(job with { NotificationDisabled = false }, Ct));

        var loaded = await Checkpoints.LoadJobAsync(job.JobId, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(job.JobId, loaded.JobId);
        Assert.True(loaded.NotificationDisabled);
        Assert.Equal(["not-a-user"], loaded.InvalidUserIds);
        Assert.Equal([User(1)], loaded.DuplicateUserIds);
        Assert.Equal("セール開始", Assert.IsType<TextMessage>(Assert.Single(loaded.Messages)).Text);
        Assert.Empty(loaded.Chunks);
        Assert.Null(await Checkpoints.LoadJobAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Saved_chunks_load_in_index_order_with_their_plan_and_outcome()
    {
        var job = NewJob();
        await Checkpoints.CreateJobAsync(job, Ct);
        var accepted = job.Chunks[0] with { Status = BulkChunkStatus.Accepted, RequestId = "req-1", AcceptedRequestId = "acc-1" };
        var failed = job.Chunks[2] with { Status = BulkChunkStatus.Failed, RequestId = "req-3", FailureStatus = 400, FailureReason = "Invalid reply token" };

        await Checkpoints.SaveChunksAsync(job.JobId, [failed, job.Chunks[1]], Ct);
        await Checkpoints.SaveChunksAsync(job.JobId, [accepted], Ct);

        var loaded = await Checkpoints.LoadJobAsync(job.JobId, Ct);
        Assert.Equal(new[] { accepted, job.Chunks[1], failed }.Select(Describe), loaded!.Chunks.Select(Describe));
    }

    [Fact]
    public async Task Recipients_of_any_form_read_back_as_saved()
    {
        var job = NewJob();
        await Checkpoints.CreateJobAsync(job, Ct);
        BulkSendChunk[] chunks =
        [
            new(0, Guid.NewGuid(), [User(0), User(int.MaxValue), "U" + new string('f', 32)]),
            new(1, Guid.NewGuid(), ["Uffffffffffffffffffffffffffffffff", "not-a-line-id", "ü \"quoted\" 日本", ""]),
            new(2, Guid.NewGuid(), []),
        ];

        await Checkpoints.SaveChunksAsync(job.JobId, chunks, Ct);

        var loaded = await Checkpoints.LoadJobAsync(job.JobId, Ct);
        Assert.Equal(chunks.Select(c => c.UserIds.ToArray()), loaded!.Chunks.Select(c => c.UserIds.ToArray()));
    }

    [Fact]
    public async Task A_chunk_plan_is_fixed_at_its_first_save_and_accepted_is_final()
    {
        var job = NewJob();
        await Checkpoints.CreateJobAsync(job, Ct);
        var planned = job.Chunks[0];
        await Checkpoints.SaveChunksAsync(job.JobId, [planned], Ct);

        var replanned = planned with { RetryKey = Guid.NewGuid(), UserIds = [User(99)], Status = BulkChunkStatus.Accepted, RequestId = "r" };
        await Checkpoints.SaveChunksAsync(job.JobId, [replanned], Ct);
        await Checkpoints.SaveChunksAsync(job.JobId, [planned with { Status = BulkChunkStatus.Failed, FailureReason = "late timeout" }], Ct);
        await Checkpoints.SaveChunksAsync(job.JobId, [planned with { Status = BulkChunkStatus.Pending }], Ct);

        var chunk = Assert.Single((await Checkpoints.LoadJobAsync(job.JobId, Ct))!.Chunks);
        Assert.Equal(Describe(planned with { Status = BulkChunkStatus.Accepted, RequestId = "r" }), Describe(chunk));
    }

    [Fact]
    public async Task Saving_to_a_job_that_is_not_stored_or_with_a_bad_chunk_is_refused_and_writes_nothing()
    {
        var job = NewJob();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Checkpoints.SaveChunksAsync(job.JobId, job.Chunks, Ct));

        await Checkpoints.CreateJobAsync(job, Ct);
        var nullChunk = await Assert.ThrowsAsync<ArgumentException>(async () => await Checkpoints.SaveChunksAsync(job.JobId, [job.Chunks[0], null!], Ct));
        Assert.Contains("[1]", nullChunk.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await Checkpoints.SaveChunksAsync(job.JobId, [job.Chunks[0], new BulkSendChunk(-1, Guid.NewGuid(), [User(1)])], Ct));

        Assert.Empty((await Checkpoints.LoadJobAsync(job.JobId, Ct))!.Chunks);
    }

    [Fact]
    public async Task A_deleted_job_is_gone_with_its_chunks_and_deleting_again_says_so()
    {
        var job = NewJob();
        await Checkpoints.CreateJobAsync(job, Ct);
        await Checkpoints.SaveChunksAsync(job.JobId, job.Chunks, Ct);

        Assert.True(await Checkpoints.DeleteJobAsync(job.JobId, Ct));
        Assert.False(await Checkpoints.DeleteJobAsync(job.JobId, Ct));
        Assert.Null(await Checkpoints.LoadJobAsync(job.JobId, Ct));

        Assert.True(await Checkpoints.CreateJobAsync(job, Ct));
        Assert.Empty((await Checkpoints.LoadJobAsync(job.JobId, Ct))!.Chunks);
    }

    [Fact]
    public async Task Jobs_survive_a_restart()
    {
        var job = NewJob(recipients: 9, chunkSize: 3);
        await Checkpoints.CreateJobAsync(job, Ct);
        await Checkpoints.SaveChunksAsync(job.JobId, [job.Chunks[0] with { Status = BulkChunkStatus.Accepted, RequestId = "a" }, job.Chunks[1]], Ct);

        await ReopenAsync();

        var loaded = await Checkpoints.LoadJobAsync(job.JobId, Ct);
        Assert.Equal([BulkChunkStatus.Accepted, BulkChunkStatus.Pending], loaded!.Chunks.Select(c => c.Status));
        Assert.Equal(job.Chunks.Take(2).Select(c => c.RetryKey), loaded.Chunks.Select(c => c.RetryKey));
    }

    /// <summary>
    /// Random runs of saves (chunks saved again with other plans and any outcome, in batches) against the plain
    /// reading of the contract: the first save of an index fixes its plan; later saves replace the outcome unless it
    /// is accepted.
    /// </summary>
    [Fact]
    public async Task Any_run_of_saves_loads_as_the_contract_says()
    {
        var save = Gen.Choose(0, 5).SelectMany(index => Gen.Choose(0, 2).SelectMany(status => Gen.Choose(0, 3).Select(users => (index, status, users))));
        var run = Gen.Choose(1, 4).SelectMany(batch => Gen.ArrayOf(save, batch)).ListOf();
        foreach (var batches in run.Sample(20, 30))
        {
            var job = NewJob(recipients: 1);
            await Checkpoints.CreateJobAsync(job, Ct);
            var expected = new SortedDictionary<int, BulkSendChunk>();
            foreach (var batch in batches)
            {
                var chunks = batch.Select((s, n) => new BulkSendChunk(s.index, Guid.NewGuid(), [.. Enumerable.Range(1, s.users + 1).Select(User)])
                {
                    Status = (BulkChunkStatus)s.status,
                    RequestId = $"req-{n}",
                    FailureStatus = s.status == 2 ? 500 : null,
                    FailureReason = s.status == 2 ? "server error" : null,
                }).ToArray();
                await Checkpoints.SaveChunksAsync(job.JobId, chunks, Ct);
                foreach (var chunk in chunks)
                {
                    if (!expected.TryGetValue(chunk.Index, out var stored))
                    {
                        expected[chunk.Index] = chunk;
                    }
                    else if (stored.Status != BulkChunkStatus.Accepted)
                    {
                        expected[chunk.Index] = chunk with { RetryKey = stored.RetryKey, UserIds = stored.UserIds };
                    }
                }
            }

            var loaded = await Checkpoints.LoadJobAsync(job.JobId, Ct);
            Assert.Equal(expected.Values.Select(Describe), loaded!.Chunks.Select(Describe));
        }
    }
}
