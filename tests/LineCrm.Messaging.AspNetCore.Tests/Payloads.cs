namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>Webhook bodies for the end-to-end tests, written from LINE's webhook.yml.</summary>
internal static class Payloads
{
    public const string Destination = "U0123456789abcdef0123456789abcdef";

    public static string Text(string eventId, string text, bool redelivery = false) => Body(
        $$$"""
        {"type":"message","mode":"active","timestamp":1462629479859,"webhookEventId":"{{{eventId}}}",
         "deliveryContext":{"isRedelivery":{{{(redelivery ? "true" : "false")}}}},
         "source":{"type":"user","userId":"U4af4980629a1b2c3d4e5f60718293a4b"},
         "replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
         "message":{"type":"text","id":"444573844083572737","quoteToken":"q3Plxr4AgKd...","text":"{{{text}}}"}}
        """);

    public static string Follow(string eventId) => Body(
        $$$"""
        {"type":"follow","mode":"active","timestamp":1462629479859,"webhookEventId":"{{{eventId}}}",
         "deliveryContext":{"isRedelivery":false},"source":{"type":"user","userId":"U4af4980629a1b2c3d4e5f60718293a4b"},
         "replyToken":"85cbe770fa8b4f45bbe077b1d4be4a36","follow":{"isUnblocked":false}}
        """);

    public static string Unknown(string eventId) => Body(
        $$$"""
        {"type":"teleport","mode":"active","timestamp":1462629479859,"webhookEventId":"{{{eventId}}}",
         "deliveryContext":{"isRedelivery":false},"teleport":{"to":"moon"}}
        """);

    public static string Body(params string[] events) => $$$"""{"destination":"{{{Destination}}}","events":[{{{string.Join(",", events)}}}]}""";

    /// <summary>The single event object inside a body made by the methods above.</summary>
    public static string EventOf(string body) => body[(body.IndexOf('[', StringComparison.Ordinal) + 1)..body.LastIndexOf(']')];
}
