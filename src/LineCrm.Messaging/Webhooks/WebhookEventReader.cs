using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>Reads one event object into its record, by its <c>type</c>.</summary>
internal static class WebhookEventReader
{
    private static readonly JsonScope Event = JsonScope.Event;

    public static WebhookEvent Read(JsonElement obj)
    {
        var type = JsonFields.RequiredString(obj, "type"u8, Event);
        WebhookEvent result = type switch
        {
            "message" => ReadMessage(obj),
            "messageEdited" => ReadMessageEdited(obj),
            "unsend" => new UnsendEvent { MessageId = Nested(obj, "unsend"u8, "messageId"u8, "unsend") },
            "follow" => new FollowEvent { ReplyToken = ReplyToken(obj), IsUnblocked = IsUnblocked(obj) },
            "unfollow" => new UnfollowEvent(),
            "join" => new JoinEvent { ReplyToken = ReplyToken(obj) },
            "leave" => new LeaveEvent(),
            "memberJoined" => new MemberJoinedEvent
            {
                ReplyToken = ReplyToken(obj),
                Members = WebhookSourceReader.ReadUsers(obj, "joined"u8, "joined", "joined.members"),
            },
            "memberLeft" => new MemberLeftEvent { Members = WebhookSourceReader.ReadUsers(obj, "left"u8, "left", "left.members") },
            "postback" => ReadPostback(obj),
            "videoPlayComplete" => new VideoPlayCompleteEvent
            {
                ReplyToken = ReplyToken(obj),
                TrackingId = Nested(obj, "videoPlayComplete"u8, "trackingId"u8, "videoPlayComplete"),
            },
            "beacon" => ReadBeacon(obj),
            "accountLink" => ReadAccountLink(obj),
            "membership" => ReadMembership(obj),
            "module" => new ModuleEvent { Module = ReadModule(obj) },
            "activated" => ReadActivated(obj),
            "deactivated" => new DeactivatedEvent(),
            "botSuspended" => new BotSuspendedEvent(),
            "botResumed" => new BotResumedEvent(),
            "delivery" => new DeliveryEvent { Data = Nested(obj, "delivery"u8, "data"u8, "delivery") },
            _ => new UnknownEvent(type, obj.Clone()),
        };

        result.SetHeader(ReadHeader(obj));
        return result;
    }

    private static WebhookEventHeader ReadHeader(JsonElement obj)
    {
        var source = JsonFields.Object(obj, "source"u8, Event, out var sourceObject)
            ? WebhookSourceReader.Read(sourceObject, new JsonScope("source"))
            : null;
        var redelivery = JsonFields.Object(obj, "deliveryContext"u8, Event, out var context)
            && (JsonFields.Boolean(context, "isRedelivery"u8, new JsonScope("deliveryContext")) ?? false);
        return new WebhookEventHeader(
            source,
            JsonFields.UnixMilliseconds(obj, "timestamp"u8, Event),
            JsonFields.String(obj, "mode"u8, Event) ?? WebhookEventModes.Active,
            JsonFields.RequiredString(obj, "webhookEventId"u8, Event),
            redelivery);
    }

    private static MessageEvent ReadMessage(JsonElement obj) =>
        new() { ReplyToken = ReplyToken(obj), Message = MessageContentReader.Read(obj) };

    private static MessageEditedEvent ReadMessageEdited(JsonElement obj) =>
        new() { ReplyToken = ReplyToken(obj), Message = MessageContentReader.Read(obj) };

    private static string? ReplyToken(JsonElement obj) => JsonFields.String(obj, "replyToken"u8, Event);

    /// <summary>A string field of an object field (<c>unsend.messageId</c>); empty when either is missing.</summary>
    private static string Nested(JsonElement obj, ReadOnlySpan<byte> objectName, ReadOnlySpan<byte> fieldName, string objectPath) =>
        JsonFields.Object(obj, objectName, Event, out var inner)
            ? JsonFields.RequiredString(inner, fieldName, new JsonScope(objectPath))
            : string.Empty;

    private static bool IsUnblocked(JsonElement obj) =>
        JsonFields.Object(obj, "follow"u8, Event, out var follow)
        && (JsonFields.Boolean(follow, "isUnblocked"u8, new JsonScope("follow")) ?? false);

    private static PostbackEvent ReadPostback(JsonElement obj)
    {
        var scope = new JsonScope("postback");
        if (!JsonFields.Object(obj, "postback"u8, Event, out var postback))
        {
            return new PostbackEvent { ReplyToken = ReplyToken(obj) };
        }

        var data = JsonFields.RequiredString(postback, "data"u8, scope);
        if (!JsonFields.Object(postback, "params"u8, scope, out var parameters))
        {
            return new PostbackEvent { ReplyToken = ReplyToken(obj), Data = data };
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var property in parameters.EnumerateObject())
            {
                // LINE documents string values only; a newer non-string value is kept as its JSON text rather than lost.
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }
        catch (InvalidOperationException e)
        {
            throw new WebhookShapeException($"A name or value is not valid UTF-8 ({e.Message}).", "postback.params");
        }

        return new PostbackEvent { ReplyToken = ReplyToken(obj), Data = data, Params = values };
    }

    private static BeaconEvent ReadBeacon(JsonElement obj)
    {
        var scope = new JsonScope("beacon");
        if (!JsonFields.Object(obj, "beacon"u8, Event, out var beacon))
        {
            return new BeaconEvent { ReplyToken = ReplyToken(obj) };
        }

        return new BeaconEvent
        {
            ReplyToken = ReplyToken(obj),
            HardwareId = JsonFields.RequiredString(beacon, "hwid"u8, scope),
            BeaconType = JsonFields.RequiredString(beacon, "type"u8, scope),
            DeviceMessage = JsonFields.String(beacon, "dm"u8, scope),
        };
    }

    private static AccountLinkEvent ReadAccountLink(JsonElement obj)
    {
        var scope = new JsonScope("link");
        if (!JsonFields.Object(obj, "link"u8, Event, out var link))
        {
            return new AccountLinkEvent { ReplyToken = ReplyToken(obj) };
        }

        return new AccountLinkEvent
        {
            ReplyToken = ReplyToken(obj),
            Result = JsonFields.RequiredString(link, "result"u8, scope),
            Nonce = JsonFields.RequiredString(link, "nonce"u8, scope),
        };
    }

    private static MembershipEvent ReadMembership(JsonElement obj)
    {
        var scope = new JsonScope("membership");
        MembershipContent content;
        if (!JsonFields.Object(obj, "membership"u8, Event, out var membership))
        {
            content = new UnknownMembershipContent(string.Empty, default);
        }
        else
        {
            var type = JsonFields.RequiredString(membership, "type"u8, scope);
            content = type switch
            {
                "joined" => new JoinedMembershipContent { MembershipId = MembershipId(membership, scope) },
                "left" => new LeftMembershipContent { MembershipId = MembershipId(membership, scope) },
                "renewed" => new RenewedMembershipContent { MembershipId = MembershipId(membership, scope) },
                _ => new UnknownMembershipContent(type, membership.Clone()),
            };
        }

        return new MembershipEvent { ReplyToken = ReplyToken(obj), Membership = content };
    }

    private static long MembershipId(JsonElement membership, in JsonScope scope) =>
        JsonFields.Int64(membership, "membershipId"u8, scope) ?? 0;

    private static ModuleContent ReadModule(JsonElement obj)
    {
        var scope = new JsonScope("module");
        if (!JsonFields.Object(obj, "module"u8, Event, out var module))
        {
            return new UnknownModuleContent(string.Empty, default);
        }

        var type = JsonFields.RequiredString(module, "type"u8, scope);
        return type switch
        {
            "attached" => new AttachedModuleContent
            {
                BotId = JsonFields.RequiredString(module, "botId"u8, scope),
                Scopes = JsonFields.Strings(module, "scopes"u8, scope),
            },
            "detached" => new DetachedModuleContent
            {
                BotId = JsonFields.RequiredString(module, "botId"u8, scope),
                Reason = JsonFields.RequiredString(module, "reason"u8, scope),
            },
            _ => new UnknownModuleContent(type, module.Clone()),
        };
    }

    private static ActivatedEvent ReadActivated(JsonElement obj) =>
        JsonFields.Object(obj, "chatControl"u8, Event, out var chatControl)
            ? new ActivatedEvent { ExpireAt = JsonFields.UnixMilliseconds(chatControl, "expireAt"u8, new JsonScope("chatControl")) }
            : new ActivatedEvent();
}
