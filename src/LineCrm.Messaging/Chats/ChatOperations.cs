using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Chats;

/// <summary>The group and multi-person chat operations for the shared pipeline.</summary>
internal static class ChatOperations
{
    public static readonly LineOperationInfo GroupSummary = new("getGroupSummary", HttpMethod.Get);
    public static readonly LineOperationInfo GroupMemberCount = new("getGroupMemberCount", HttpMethod.Get);
    public static readonly LineOperationInfo GroupMemberIds = new("getGroupMembersIds", HttpMethod.Get);
    public static readonly LineOperationInfo GroupMemberProfile = new("getGroupMemberProfile", HttpMethod.Get);
    public static readonly LineOperationInfo RoomMemberCount = new("getRoomMemberCount", HttpMethod.Get);
    public static readonly LineOperationInfo RoomMemberIds = new("getRoomMembersIds", HttpMethod.Get);
    public static readonly LineOperationInfo RoomMemberProfile = new("getRoomMemberProfile", HttpMethod.Get);

    // Leaving twice leaves the bot where one leave would (out of the chat), so a retry after a lost answer is
    // harmless; the worst case is a 404 for the repeat, which the caller can read as "already gone".
    public static readonly LineOperationInfo LeaveGroup = new("leaveGroup", HttpMethod.Post);
    public static readonly LineOperationInfo LeaveRoom = new("leaveRoom", HttpMethod.Post);
}
