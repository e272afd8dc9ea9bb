using LineCrm.Messaging.AspNetCore.Inbox;

namespace LineCrm.Messaging.AspNetCore.Tests.Inbox;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Requests_that_arrive_during_a_commit_share_the_next_one_and_each_gets_its_own_results()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int[]>();
        await using var commit = new GroupCommit<int, int>(
            async (items, _) =>
            {
                lock (batches)
                {
                    batches.Add([.. items]);
                }

                if (batches.Count == 1)
                {
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                }

                return [.. items.Select(i => i * 10)];
            },
            maxBatch: 100);

        var lone = commit.CommitAsync([1], CancellationToken.None);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var waiting = Enumerable.Range(0, 5).Select(i => commit.CommitAsync([100 + i, 200 + i], CancellationToken.None)).ToList();
        releaseFirst.SetResult();

        Assert.Equal([10], await lone); // alone, committed at once: no timer held it back
        for (var i = 0; i < waiting.Count; i++)
        {
            Assert.Equal([(100 + i) * 10, (200 + i) * 10], await waiting[i]);
        }

        Assert.Equal(2, batches.Count);
        Assert.Equal(10, batches[1].Length);
    }

    [Fact]
    public async Task A_failed_commit_fails_its_own_requests_only()
    {
        var calls = 0;
        await using var commit = new GroupCommit<string, bool>(
            (items, _) => Interlocked.Increment(ref calls) == 1
                ? Task.FromException<IReadOnlyList<bool>>(new IOException("disk full"))
                : Task.FromResult<IReadOnlyList<bool>>([.. items.Select(_ => true)]),
            maxBatch: 10);

        var failed = await Assert.ThrowsAsync<IOException>(() => commit.CommitAsync(["a"], CancellationToken.None));
        Assert.Equal("disk full", failed.Message);
        Assert.Equal([true], await commit.CommitAsync(["b"], CancellationToken.None));
    }

    [Fact]
    public async Task After_dispose_nothing_more_is_taken()
    {
        var commit = new GroupCommit<int, bool>((items, _) => Task.FromResult<IReadOnlyList<bool>>([.. items.Select(_ => true)]), 10);
        await commit.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => commit.CommitAsync([1], CancellationToken.None));
    }
}
