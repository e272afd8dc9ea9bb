using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>Reads <c>source</c> objects (and the user objects of member events).</summary>
internal static class WebhookSourceReader
{
    public static WebhookSource Read(JsonElement obj, in JsonScope scope)
    {
        var type = JsonFields.RequiredString(obj, "type"u8, scope);
        var userId = JsonFields.String(obj, "userId"u8, scope);
        return type switch
        {
            "user" => new UserSource { UserId = userId },
            "group" => new GroupSource { UserId = userId, GroupId = JsonFields.RequiredString(obj, "groupId"u8, scope) },
            "room" => new RoomSource { UserId = userId, RoomId = JsonFields.RequiredString(obj, "roomId"u8, scope) },
            _ => new UnknownSource(type, obj.Clone()) { UserId = userId },
        };
    }

    /// <summary>An array of user objects (<c>joined.members</c>, <c>left.members</c>); other source types are an error there.</summary>
    /// <param name="parent">The event.</param>
    /// <param name="name">The field holding <c>{ "members": [...] }</c>: <c>joined</c> or <c>left</c>.</param>
    /// <param name="holderPath">The same name as a string, for error messages.</param>
    /// <param name="membersPath">The path of the array, <c>joined.members</c> or <c>left.members</c>, for error messages.</param>
    public static IReadOnlyList<UserSource> ReadUsers(JsonElement parent, ReadOnlySpan<byte> name, string holderPath, string membersPath)
    {
        if (!JsonFields.Object(parent, name, JsonScope.Event, out var holder))
        {
            return [];
        }

        var holderScope = new JsonScope(holderPath);
        if (!JsonFields.Array(holder, "members"u8, holderScope, out var members))
        {
            return [];
        }

        var result = new UserSource[members.GetArrayLength()];
        var i = 0;
        foreach (var item in members.EnumerateArray())
        {
            var itemScope = new JsonScope(membersPath, i);
            var member = JsonFields.ItemObject(item, itemScope);
            result[i] = new UserSource { UserId = JsonFields.String(member, "userId"u8, itemScope) };
            i++;
        }

        return result;
    }
}
