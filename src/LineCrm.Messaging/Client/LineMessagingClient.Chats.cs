using LineCrm.Messaging.Chats;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>A group chat's id, name and icon.</summary>
    /// <param name="groupId">The group id, from a webhook event's source.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the bot is not in the group.</exception>
    [LineOperation("getGroupSummary")]
    public virtual Task<LineResponse<GroupSummary>> GetGroupSummaryAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return GetAsync(ChatOperations.GroupSummary, $"v2/bot/group/{Escape(groupId)}/summary",
            LinePlatformJsonContext.Default.GroupSummary, cancellationToken);
    }

    /// <summary>How many users are in a group chat (the LINE Official Account not counted).</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getGroupMemberCount")]
    public virtual Task<LineResponse<ChatMemberCount>> GetGroupMemberCountAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return GetAsync(ChatOperations.GroupMemberCount, $"v2/bot/group/{Escape(groupId)}/members/count",
            LinePlatformJsonContext.Default.ChatMemberCount, cancellationToken);
    }

    /// <summary>One page of a group chat's member ids. To read them all, use <see cref="GetAllGroupMemberIdsAsync"/>.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="start">The continuation token from the previous page; null for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getGroupMembersIds")]
    public virtual Task<LineResponse<ChatMemberIdsPage>> GetGroupMembersIdsAsync(
        string groupId, string? start = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return GetAsync(ChatOperations.GroupMemberIds, $"v2/bot/group/{Escape(groupId)}/members/ids" + Query(("start", start)),
            LinePlatformJsonContext.Default.ChatMemberIdsPage, cancellationToken);
    }

    /// <summary>Every member id of a group chat, page after page until LINE sends no <c>next</c> token.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<string> GetAllGroupMemberIdsAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return PagesAsync(
            (start, ct) => GetGroupMembersIdsAsync(groupId, start, ct), page => page.MemberIds, page => page.Next, cancellationToken);
    }

    /// <summary>The profile of a member of a group chat, whether or not the member is a friend of the account.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="userId">The member's user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the user is not in the group.</exception>
    [LineOperation("getGroupMemberProfile")]
    public virtual Task<LineResponse<ChatMemberProfile>> GetGroupMemberProfileAsync(
        string groupId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return GetAsync(ChatOperations.GroupMemberProfile, $"v2/bot/group/{Escape(groupId)}/member/{Escape(userId)}",
            LinePlatformJsonContext.Default.ChatMemberProfile, cancellationToken);
    }

    /// <summary>Makes the bot leave a group chat.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the bot is not in the group.</exception>
    [LineOperation("leaveGroup")]
    public virtual Task<LineResponse> LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return CallAsync(ChatOperations.LeaveGroup, $"v2/bot/group/{Escape(groupId)}/leave", cancellationToken);
    }

    /// <summary>How many users are in a multi-person chat (the LINE Official Account not counted).</summary>
    /// <param name="roomId">The room id, from a webhook event's source.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getRoomMemberCount")]
    public virtual Task<LineResponse<ChatMemberCount>> GetRoomMemberCountAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        return GetAsync(ChatOperations.RoomMemberCount, $"v2/bot/room/{Escape(roomId)}/members/count",
            LinePlatformJsonContext.Default.ChatMemberCount, cancellationToken);
    }

    /// <summary>One page of a multi-person chat's member ids. To read them all, use <see cref="GetAllRoomMemberIdsAsync"/>.</summary>
    /// <param name="roomId">The room id.</param>
    /// <param name="start">The continuation token from the previous page; null for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getRoomMembersIds")]
    public virtual Task<LineResponse<ChatMemberIdsPage>> GetRoomMembersIdsAsync(
        string roomId, string? start = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        return GetAsync(ChatOperations.RoomMemberIds, $"v2/bot/room/{Escape(roomId)}/members/ids" + Query(("start", start)),
            LinePlatformJsonContext.Default.ChatMemberIdsPage, cancellationToken);
    }

    /// <summary>Every member id of a multi-person chat, page after page until LINE sends no <c>next</c> token.</summary>
    /// <param name="roomId">The room id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual IAsyncEnumerable<string> GetAllRoomMemberIdsAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        return PagesAsync(
            (start, ct) => GetRoomMembersIdsAsync(roomId, start, ct), page => page.MemberIds, page => page.Next, cancellationToken);
    }

    /// <summary>The profile of a member of a multi-person chat.</summary>
    /// <param name="roomId">The room id.</param>
    /// <param name="userId">The member's user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 when the user is not in the room.</exception>
    [LineOperation("getRoomMemberProfile")]
    public virtual Task<LineResponse<ChatMemberProfile>> GetRoomMemberProfileAsync(
        string roomId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return GetAsync(ChatOperations.RoomMemberProfile, $"v2/bot/room/{Escape(roomId)}/member/{Escape(userId)}",
            LinePlatformJsonContext.Default.ChatMemberProfile, cancellationToken);
    }

    /// <summary>Makes the bot leave a multi-person chat.</summary>
    /// <param name="roomId">The room id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("leaveRoom")]
    public virtual Task<LineResponse> LeaveRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        return CallAsync(ChatOperations.LeaveRoom, $"v2/bot/room/{Escape(roomId)}/leave", cancellationToken);
    }
}
