using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

public sealed partial class FakeLinePlatform
{
    /// <summary>Group chats the bot is in, by group id; tests add to it, <c>leaveGroup</c> removes from it.</summary>
    public ConcurrentDictionary<string, FakeChat> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Multi-person chats the bot is in, by room id.</summary>
    public ConcurrentDictionary<string, FakeChat> Rooms { get; } = new(StringComparer.Ordinal);

    /// <summary>Member ids per page of <c>getGroupMembersIds</c> and <c>getRoomMembersIds</c>: 100 at LINE; smaller to see paging.</summary>
    public int MemberIdsPageSize { get; set; } = 100;
}

/// <summary>A group or multi-person chat in the fake.</summary>
/// <param name="Id">The group or room id.</param>
/// <param name="Name">The group's name (rooms have none).</param>
public sealed class FakeChat(string Id, string Name = "")
{
    /// <summary>The group or room id.</summary>
    public string Id { get; } = Id;

    /// <summary>The group's name.</summary>
    public string Name { get; set; } = Name;

    /// <summary>The group icon's URL, if any.</summary>
    public string? PictureUrl { get; set; }

    /// <summary>Members: user id to display name, in the order they joined.</summary>
    public ConcurrentDictionary<string, string> Members { get; } = new(StringComparer.Ordinal);
}
