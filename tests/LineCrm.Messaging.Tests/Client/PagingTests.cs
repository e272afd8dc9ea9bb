using System.Globalization;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Client;

/// <summary>The <c>IAsyncEnumerable</c> helpers stop asking LINE for pages once their enumeration is cancelled.</summary>
public sealed class PagingTests
{
    private static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Cancelling_the_token_passed_in_stops_after_the_page_being_read()
    {
        await using var line = await FakeLineHarness.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            line.Server.Users[UserId(i)] = "user";
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var id in line.Client.GetAllFollowerIdsAsync(pageSize: 10, cancel.Token))
            {
                seen.Add(id);
                if (seen.Count == 12)
                {
                    await cancel.CancelAsync(); // in the middle of the second page
                }
            }
        });

        Assert.Equal(Enumerable.Range(0, 20).Select(UserId), seen);
        Assert.Equal(2, line.Server.RequestsOf("getFollowers").Count);
    }

    [Fact]
    public async Task Cancelling_through_WithCancellation_stops_the_member_ids_mid_way()
    {
        await using var line = await FakeLineHarness.StartAsync();
        line.Server.Platform.MemberIdsPageSize = 3;
        var group = new FakeChat("C1");
        for (var i = 0; i < 9; i++)
        {
            group.Members[UserId(i)] = "member";
        }

        line.Server.Platform.Groups["C1"] = group;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in line.Client.GetAllGroupMemberIdsAsync("C1", TestContext.Current.CancellationToken).WithCancellation(cancel.Token))
            {
                if (++seen == 3)
                {
                    await cancel.CancelAsync(); // the second page is never asked for
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Single(line.Server.RequestsOf("getGroupMembersIds"));
    }

    [Fact]
    public async Task Followers_are_followed_to_the_end_and_a_bad_page_size_throws_before_any_request()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 7; i++)
        {
            line.Server.Users[UserId(i)] = "user";
        }

        Assert.Throws<ArgumentException>(() => line.Client.GetAllFollowerIdsAsync(pageSize: 1001, ct));
        Assert.Empty(line.Server.Requests);
        var all = await line.Client.GetAllFollowerIdsAsync(pageSize: 3, ct).ToListAsync(ct);

        Assert.Equal(Enumerable.Range(0, 7).Select(UserId), all);
        Assert.Equal(3, line.Server.RequestsOf("getFollowers").Count);
    }
}
