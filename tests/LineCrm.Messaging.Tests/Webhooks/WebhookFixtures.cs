namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// Webhook bodies written by hand from LINE's webhook.yml (and, for messageEdited, LINE's release notes): one event
/// per body, for every event type, message content type, source type and nested discriminated type, plus an
/// unknown type and a redelivery. Values are distinct so an assertion cannot pass by reading the wrong field.
/// </summary>
internal static class WebhookFixtures
{
    public const string Destination = "U0123456789abcdef0123456789abcdef";
    public const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    /// <summary>Wraps one event object in a callback body.</summary>
    public static string Body(string eventJson) => $$"""{"destination":"{{Destination}}","events":[{{eventJson}}]}""";

    /// <summary>An event object with the shared fields and <paramref name="rest"/> (the type-specific fields).</summary>
    public static string Event(string type, string rest, string source = UserSourceJson, bool redelivery = false, string id = "01FZ74A0TDDPYRVKNK77XKC3ZR") =>
        $$"""
        {"type":"{{type}}",{{rest}}{{(rest.Length > 0 ? "," : "")}}
         "webhookEventId":"{{id}}","deliveryContext":{"isRedelivery":{{(redelivery ? "true" : "false")}}},
         "timestamp":1462629479859,"source":{{source}},"mode":"active"}
        """;

    public const string UserSourceJson = $$"""{"type":"user","userId":"{{UserId}}"}""";
    public const string GroupSourceJson = """{"type":"group","groupId":"Ca56f94637c1234567890abcdef012345","userId":"U11111111111111111111111111111111"}""";
    public const string RoomSourceJson = """{"type":"room","roomId":"Ra8dbf4673c1234567890abcdef012345","userId":"U22222222222222222222222222222222"}""";

    public static string Message(string content) => Event("message", $$"""
        "replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","message":{{content}}
        """);

    public const string TextContent = """
        {"type":"text","id":"444573844083572737","quoteToken":"q3Plxr4AgKd...",
         "text":"@All @example Good Morning!! (love)","markAsReadToken":"30yhdy232...",
         "emojis":[{"index":29,"length":6,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"001"}],
         "mention":{"mentionees":[
            {"index":0,"length":4,"type":"all"},
            {"index":5,"length":8,"userId":"U49585cd0d5c1234567890abcdef01234","type":"user","isSelf":false}]},
         "quotedMessageId":"468789577898262530"}
        """;

    public const string ImageContent = """
        {"type":"image","id":"354718705033693859","quoteToken":"q3Plxr4AgKd...",
         "contentProvider":{"type":"line"},
         "imageSet":{"id":"E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855","index":1,"total":2}}
        """;

    public const string ExternalImageContent = """
        {"type":"image","id":"354718705033693860","quoteToken":"q3Plxr4AgKe...",
         "contentProvider":{"type":"external","originalContentUrl":"https://example.com/original.jpg","previewImageUrl":"https://example.com/preview.jpg"}}
        """;

    public const string VideoContent = """
        {"type":"video","id":"325708","duration":60000,"quoteToken":"q3Plxr4AgKd...",
         "contentProvider":{"type":"external","originalContentUrl":"https://example.com/original.mp4","previewImageUrl":"https://example.com/preview.jpg"}}
        """;

    public const string AudioContent = """{"type":"audio","id":"325709","duration":60000,"contentProvider":{"type":"line"}}""";

    public const string FileContent = """{"type":"file","id":"325710","fileName":"file.txt","fileSize":2138}""";

    public const string LocationContent = """
        {"type":"location","id":"325711","title":"my location","address":"1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan",
         "latitude":35.67966,"longitude":139.73669}
        """;

    public const string StickerContent = """
        {"type":"sticker","id":"1501597916","quoteToken":"q3Plxr4AgKd...","stickerId":"52002738","packageId":"11537",
         "stickerResourceType":"ANIMATION","keywords":["cony","sally","Staring","hi","whatever"],
         "text":"Let's hang out this weekend!","quotedMessageId":"468789577898262531"}
        """;

    public const string UnknownContent = """{"type":"hologram","id":"325712","depth":3,"layers":[{"z":1}]}""";

    public static readonly string MessageEdited = Event("messageEdited", """
        "replyToken":"b60d432864f44d079f6d8efe86cf404b",
        "message":{"type":"text","id":"444573844083572738","quoteToken":"q3Plxr4AgKf...","text":"Good evening!!"}
        """);

    public static readonly string Unsend = Event("unsend", """ "unsend":{"messageId":"325708"} """);
    public static readonly string Follow = Event("follow", """ "replyToken":"85cbe770fa8b4f45bbe077b1d4be4a36","follow":{"isUnblocked":true} """);
    public static readonly string Unfollow = Event("unfollow", string.Empty);
    public static readonly string Join = Event("join", """ "replyToken":"0f3779fba3b349968c5d07db31eab56f" """, GroupSourceJson);
    public static readonly string Leave = Event("leave", string.Empty, GroupSourceJson);

    public static readonly string MemberJoined = Event("memberJoined", """
        "replyToken":"0f3779fba3b349968c5d07db31eabf65",
        "joined":{"members":[{"type":"user","userId":"U4af4980629a1b2c3d4e5f60718293a4c"},{"type":"user","userId":"U91eeaf62d901234567890abcdef01234"}]}
        """, RoomSourceJson);

    public static readonly string MemberLeft = Event("memberLeft", """
        "left":{"members":[{"type":"user","userId":"U4af4980629a1b2c3d4e5f60718293a4d"}]}
        """, GroupSourceJson);

    public static readonly string Postback = Event("postback", """
        "replyToken":"b60d432864f44d079f6d8efe86cf404c",
        "postback":{"data":"storeId=12345","params":{"datetime":"2017-12-25T01:00","newRichMenuAliasId":"richmenu-alias-b","status":"SUCCESS"}}
        """);

    public static readonly string VideoPlayComplete = Event("videoPlayComplete", """
        "replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTB","videoPlayComplete":{"trackingId":"track-id"}
        """);

    public static readonly string Beacon = Event("beacon", """
        "replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTC","beacon":{"hwid":"d41d8cd98f","type":"enter","dm":"1234567890abcdef"}
        """);

    public static readonly string AccountLink = Event("accountLink", """
        "replyToken":"b60d432864f44d079f6d8efe86cf404d","link":{"result":"ok","nonce":"xxxxxxxxxxxxxxx"}
        """);

    public static readonly string AccountLinkFailed = Event("accountLink", """ "link":{"result":"failed","nonce":"yyyyyyyyyyyyyyy"} """);

    public static readonly string MembershipJoined = Event("membership", """
        "replyToken":"3a6d4a2a4e5f4b3c9c5a8e7d6c5b4a39","membership":{"type":"joined","membershipId":3189}
        """);

    public static readonly string MembershipLeft = Event("membership", """
        "replyToken":"3a6d4a2a4e5f4b3c9c5a8e7d6c5b4a40","membership":{"type":"left","membershipId":3190}
        """);

    public static readonly string MembershipRenewed = Event("membership", """
        "replyToken":"3a6d4a2a4e5f4b3c9c5a8e7d6c5b4a41","membership":{"type":"renewed","membershipId":3191}
        """);

    // Module events go to module channels and carry no source.
    public static readonly string ModuleAttached = ModuleEvent("module", """
        "module":{"type":"attached","botId":"U33333333333333333333333333333333","scopes":["message:send","message:receive"]}
        """);

    public static readonly string ModuleDetached = ModuleEvent("module", """
        "module":{"type":"detached","botId":"U44444444444444444444444444444444","reason":"bot_deleted"}
        """);

    public static readonly string Activated = ModuleEvent("activated", """ "chatControl":{"expireAt":1462629479860} """);
    public static readonly string Deactivated = ModuleEvent("deactivated", string.Empty);
    public static readonly string BotSuspended = ModuleEvent("botSuspended", string.Empty);
    public static readonly string BotResumed = ModuleEvent("botResumed", string.Empty);
    public static readonly string Delivery = Event("delivery", """ "delivery":{"data":"2ba4b1e7a1c3d5e7f9"} """);

    public static readonly string UnknownEvent = Event("teleport", """ "teleport":{"to":"moon","speed":42} """);

    public static readonly string Redelivered = Event("follow", """
        "replyToken":"85cbe770fa8b4f45bbe077b1d4be4a37","follow":{"isUnblocked":false}
        """, redelivery: true, id: "01GZ74A0TDDPYRVKNK77XKC3ZS");

    public static string ModuleEvent(string type, string rest) => $$"""
        {"type":"{{type}}",{{rest}}{{(rest.Length > 0 ? "," : "")}}
         "webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZT","deliveryContext":{"isRedelivery":false},
         "timestamp":1462629479861,"mode":"standby"}
        """;

    /// <summary>One body per event type that webhook.yml (plus messageEdited) names, keyed by that type.</summary>
    public static IReadOnlyDictionary<string, string> EventBodiesByType { get; } = new Dictionary<string, string>
    {
        ["message"] = Body(Message(TextContent)),
        ["messageEdited"] = Body(MessageEdited),
        ["unsend"] = Body(Unsend),
        ["follow"] = Body(Follow),
        ["unfollow"] = Body(Unfollow),
        ["join"] = Body(Join),
        ["leave"] = Body(Leave),
        ["memberJoined"] = Body(MemberJoined),
        ["memberLeft"] = Body(MemberLeft),
        ["postback"] = Body(Postback),
        ["videoPlayComplete"] = Body(VideoPlayComplete),
        ["beacon"] = Body(Beacon),
        ["accountLink"] = Body(AccountLink),
        ["membership"] = Body(MembershipJoined),
        ["module"] = Body(ModuleAttached),
        ["activated"] = Body(Activated),
        ["deactivated"] = Body(Deactivated),
        ["botSuspended"] = Body(BotSuspended),
        ["botResumed"] = Body(BotResumed),
        ["delivery"] = Body(Delivery),
    };

    /// <summary>One message content per type webhook.yml names.</summary>
    public static IReadOnlyDictionary<string, string> ContentsByType { get; } = new Dictionary<string, string>
    {
        ["text"] = TextContent,
        ["image"] = ImageContent,
        ["video"] = VideoContent,
        ["audio"] = AudioContent,
        ["file"] = FileContent,
        ["location"] = LocationContent,
        ["sticker"] = StickerContent,
    };

    /// <summary>A realistic mixed batch: every fixture event above in one body (used by property tests).</summary>
    public static string MixedBatch() =>
        $$"""{"destination":"{{Destination}}","events":[{{string.Join(",",
            new[] { Message(TextContent), Message(ImageContent), Message(StickerContent), Message(LocationContent), Postback, Follow, AccountLink, MemberJoined, UnknownEvent, MembershipJoined, ModuleAttached })}}]}""";
}
