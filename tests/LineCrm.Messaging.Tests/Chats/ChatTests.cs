using System.Globalization;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Chats;

public sealed class ChatTests
{
    private const string GroupId = "Ca56f94637c0000000000000000000001";
    private const string RoomId = "Ra8dc14cc00000000000000000000000a";

    private static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);

    private static FakeChat Chat(string id, string name, int members)
    {
        var chat = new FakeChat(id, name) { PictureUrl = name.Length > 0 ? "https://profile.example/" + id : null };
        for (var i = 0; i < members; i++)
        {
            chat.Members[UserId(i)] = "Member " + i.ToString(CultureInfo.InvariantCulture);
        }

        return chat;
    }

    [Fact]
    public async Task Group_summary_count_and_a_members_profile_are_read_from_the_group()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Groups[GroupId] = Chat(GroupId, "Tokyo store regulars", members: 4);

        var summary = (await line.Client.GetGroupSummaryAsync(GroupId, ct)).Value;
        var count = (await line.Client.GetGroupMemberCountAsync(GroupId, ct)).Value;
        var profile = (await line.Client.GetGroupMemberProfileAsync(GroupId, UserId(2), ct)).Value;

        Assert.Equal(GroupId, summary.GroupId);
        Assert.Equal("Tokyo store regulars", summary.GroupName);
        Assert.Equal("https://profile.example/" + GroupId, summary.PictureUrl);
        Assert.Equal(4, count.Count);
        Assert.Equal("Member 2", profile.DisplayName);
        Assert.Equal(UserId(2), profile.UserId);
        Assert.Null(profile.PictureUrl);
        Assert.Equal($"/v2/bot/group/{GroupId}/member/{UserId(2)}", Assert.Single(line.Server.RequestsOf("getGroupMemberProfile")).PathAndQuery);
    }

    [Fact]
    public async Task Room_count_profile_and_leaving_then_the_room_is_gone()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Rooms[RoomId] = Chat(RoomId, "", members: 3);

        var count = (await line.Client.GetRoomMemberCountAsync(RoomId, ct)).Value;
        var profile = (await line.Client.GetRoomMemberProfileAsync(RoomId, UserId(0), ct)).Value;
        var left = await line.Client.LeaveRoomAsync(RoomId, ct);
        var after = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRoomMemberCountAsync(RoomId, ct));

        Assert.Equal(3, count.Count);
        Assert.Equal("Member 0", profile.DisplayName);
        Assert.Equal(200, left.Status);
        Assert.Equal("POST", Assert.Single(line.Server.RequestsOf("leaveRoom")).Method);
        Assert.False(line.Server.Platform.Rooms.ContainsKey(RoomId));
        Assert.Equal(404, (int)after.StatusCode);
    }

    [Fact]
    public async Task Leaving_a_group_removes_the_bot_and_a_second_leave_is_404_with_details()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Groups[GroupId] = Chat(GroupId, "one-off event", members: 2);

        await line.Client.LeaveGroupAsync(GroupId, ct);
        var again = await Assert.ThrowsAsync<LineApiException>(() => line.Client.LeaveGroupAsync(GroupId, ct));

        Assert.Empty(line.Server.Platform.Groups);
        Assert.Equal(404, (int)again.StatusCode);
        Assert.Equal("leaveGroup", again.OperationId);
        Assert.Equal("groupId", Assert.Single(again.Details).Property);
        Assert.NotNull(again.RequestId);
    }

    [Fact]
    public async Task Unknown_groups_rooms_and_members_are_404()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Groups[GroupId] = Chat(GroupId, "g", members: 1);

        var noGroup = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetGroupSummaryAsync("C-unknown", ct));
        var noRoom = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRoomMembersIdsAsync("R-unknown", cancellationToken: ct));
        var noMember = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetGroupMemberProfileAsync(GroupId, UserId(99), ct));

        Assert.Equal([404, 404, 404], new[] { (int)noGroup.StatusCode, (int)noRoom.StatusCode, (int)noMember.StatusCode });
        Assert.Equal("userId", Assert.Single(noMember.Details).Property);
        Assert.Equal("getRoomMembersIds", noRoom.OperationId);
    }

    [Fact]
    public async Task Member_ids_of_a_group_and_a_room_are_followed_across_pages_to_the_end()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.MemberIdsPageSize = 4;
        line.Server.Platform.Groups[GroupId] = Chat(GroupId, "g", members: 10);
        line.Server.Platform.Rooms[RoomId] = Chat(RoomId, "", members: 8);

        var groupIds = await line.Client.GetAllGroupMemberIdsAsync(GroupId, ct).ToListAsync(ct);
        var roomIds = await line.Client.GetAllRoomMemberIdsAsync(RoomId, ct).ToListAsync(ct);

        Assert.Equal(Enumerable.Range(0, 10).Select(UserId), groupIds);
        Assert.Equal(Enumerable.Range(0, 8).Select(UserId), roomIds);
        var groupRequests = line.Server.RequestsOf("getGroupMembersIds");
        Assert.Equal(3, groupRequests.Count); // 4 + 4 + 2
        Assert.DoesNotContain("start=", groupRequests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.EndsWith("?start=fake-page-4", groupRequests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.EndsWith("?start=fake-page-8", groupRequests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(2, line.Server.RequestsOf("getRoomMembersIds").Count); // 4 + 4, and the second page has no next
    }

    [Fact]
    public async Task A_single_page_reports_the_next_token_and_a_bad_token_is_400()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.MemberIdsPageSize = 2;
        line.Server.Platform.Groups[GroupId] = Chat(GroupId, "g", members: 3);

        var first = (await line.Client.GetGroupMembersIdsAsync(GroupId, cancellationToken: ct)).Value;
        var last = (await line.Client.GetGroupMembersIdsAsync(GroupId, first.Next, ct)).Value;
        var bad = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetGroupMembersIdsAsync(GroupId, "forged", ct));

        Assert.Equal([UserId(0), UserId(1)], first.MemberIds);
        Assert.NotNull(first.Next);
        Assert.Equal([UserId(2)], last.MemberIds);
        Assert.Null(last.Next);
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal("start", Assert.Single(bad.Details).Property);
    }

    [Fact]
    public async Task Empty_ids_are_refused_before_sending_and_a_429_is_retried()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Groups[GroupId] = Chat(GroupId, "g", members: 1);

        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.GetGroupSummaryAsync("", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.GetRoomMemberProfileAsync(RoomId, "", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.LeaveGroupAsync("", ct));
        Assert.Throws<ArgumentException>(() => line.Client.GetAllGroupMemberIdsAsync("", ct));
        Assert.Empty(line.Server.Requests);

        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "getGroupMemberCount"));
        var count = await line.Client.GetGroupMemberCountAsync(GroupId, ct);

        Assert.Equal(1, count.Value.Count);
        Assert.Equal([429, 200], line.Server.RequestsOf("getGroupMemberCount").Select(r => r.Status));
    }
}
