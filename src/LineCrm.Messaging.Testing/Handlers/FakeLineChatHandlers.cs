using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Group and multi-person chats: summary, member count, member ids paged by <see cref="FakeLinePlatform.MemberIdsPageSize"/>,
/// member profiles, and leaving (the chat is gone afterwards). A chat the bot is not in, or a user not in the chat, is a 404.
/// </summary>
internal static class FakeLineChatHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("getGroupSummary", call => WithChat(call, "groupId", group =>
        {
            var body = new JsonObject { ["groupId"] = group.Id, ["groupName"] = group.Name };
            if (group.PictureUrl is not null)
            {
                body["pictureUrl"] = group.PictureUrl;
            }

            return FakeLineReply.Ok(body);
        }));
        routes.HandleIfPresent("getGroupMemberCount", call => WithChat(call, "groupId", Count));
        routes.HandleIfPresent("getRoomMemberCount", call => WithChat(call, "roomId", Count));
        routes.HandleIfPresent("getGroupMembersIds", call => WithChat(call, "groupId", chat => MemberIds(call, chat)));
        routes.HandleIfPresent("getRoomMembersIds", call => WithChat(call, "roomId", chat => MemberIds(call, chat)));
        routes.HandleIfPresent("getGroupMemberProfile", call => WithChat(call, "groupId", chat => Profile(call, chat)));
        routes.HandleIfPresent("getRoomMemberProfile", call => WithChat(call, "roomId", chat => Profile(call, chat)));
        routes.HandleIfPresent("leaveGroup", call => WithChat(call, "groupId", chat => Leave(call.Server.Platform.Groups, chat)));
        routes.HandleIfPresent("leaveRoom", call => WithChat(call, "roomId", chat => Leave(call.Server.Platform.Rooms, chat)));
    }

    private static FakeLineReply WithChat(FakeLineCall call, string parameter, Func<FakeChat, FakeLineReply> answer)
    {
        var id = call.PathParameters[parameter];
        var chats = parameter == "groupId" ? call.Server.Platform.Groups : call.Server.Platform.Rooms;
        return chats.TryGetValue(id, out var chat)
            ? answer(chat)
            : FakeLineReply.Error(404, "Not found", (parameter, $"the bot is not in {id}"));
    }

    private static FakeLineReply Count(FakeChat chat) => FakeLineReply.Ok(new JsonObject { ["count"] = chat.Members.Count });

    private static FakeLineReply MemberIds(FakeLineCall call, FakeChat chat)
    {
        var all = chat.Members.Keys.Order(StringComparer.Ordinal).ToArray();
        if (FakeLinePaging.Page(all, call.Query["start"].ToString(), call.Server.Platform.MemberIdsPageSize, out var page, out var next) is { } bad)
        {
            return bad;
        }

        return FakeLinePaging.Reply("memberIds", FakeLinePaging.Strings(page), next);
    }

    private static FakeLineReply Profile(FakeLineCall call, FakeChat chat)
    {
        var userId = call.PathParameters["userId"];
        return chat.Members.TryGetValue(userId, out var name)
            ? FakeLineReply.Ok(new JsonObject { ["displayName"] = name, ["userId"] = userId })
            : FakeLineReply.Error(404, "Not found", ("userId", $"{userId} is not a member of {chat.Id}"));
    }

    private static FakeLineReply Leave(ConcurrentDictionary<string, FakeChat> chats, FakeChat chat)
    {
        chats.TryRemove(chat.Id, out _);
        return FakeLineReply.Ok();
    }
}
