namespace LineCrm.Messaging.Chats;

/// <summary>A group chat the bot is in (<c>getGroupSummary</c>).</summary>
/// <param name="GroupId">The group id (starts with <c>C</c>).</param>
/// <param name="GroupName">The group's name.</param>
public sealed record GroupSummary(string GroupId, string GroupName)
{
    /// <summary>The group icon's URL; null when the group has none.</summary>
    public string? PictureUrl { get; init; }
}

/// <summary>How many users are in a group or multi-person chat, the LINE Official Account not counted.</summary>
/// <param name="Count">The number of members.</param>
public sealed record ChatMemberCount(int Count);

/// <summary>The profile of a member of a group or multi-person chat (<c>getGroupMemberProfile</c>, <c>getRoomMemberProfile</c>).</summary>
/// <param name="DisplayName">The member's display name.</param>
/// <param name="UserId">The member's user id.</param>
public sealed record ChatMemberProfile(string DisplayName, string UserId)
{
    /// <summary>The profile image's https URL; null when the member has none.</summary>
    public string? PictureUrl { get; init; }
}

/// <summary>One page of member ids of a group or multi-person chat (at most 100 per page).</summary>
/// <param name="MemberIds">User ids; only users of LINE for iOS and Android are listed.</param>
/// <param name="Next">The continuation token for the next page; null on the last page.</param>
public sealed record ChatMemberIdsPage(IReadOnlyList<string> MemberIds, string? Next = null);
