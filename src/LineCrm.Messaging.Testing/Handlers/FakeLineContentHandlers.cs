using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The message content endpoints (data host): the content streamed in chunks as it is written (so a test can hold
/// it half-way), 202 while its transcoding is "processing", previews, transcoding status, and 404 for a message the
/// fake does not know.
/// </summary>
internal static class FakeLineContentHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("getMessageContent", call => WithContent(call, Download));
        routes.HandleIfPresent("getMessageContentPreview", call => WithContent(call, content => content.Preview is { } preview
            ? FakeLineReply.Binary(preview, "image/jpeg")
            : FakeLineReply.Error(404, "Not found", ("messageId", "this message has no preview"))));
        routes.HandleIfPresent("getMessageContentTranscodingByMessageId", call => WithContent(call, content =>
            FakeLineReply.Ok(new JsonObject { ["status"] = content.Transcoding })));
    }

    // Like LINE, a video or audio still being prepared is answered 202 Accepted with no body.
    private static FakeLineReply Download(FakeMessageContent content) => content.Transcoding == "processing"
        ? new FakeLineReply(202)
        : new FakeLineReply(200)
        {
            ContentType = content.ContentType,
            ContentLength = content.Content.Length,
            WriteBody = content.WriteAsync,
        };

    private static FakeLineReply WithContent(FakeLineCall call, Func<FakeMessageContent, FakeLineReply> answer)
    {
        var id = call.PathParameters["messageId"];
        return call.Server.Platform.MessageContents.TryGetValue(id, out var content)
            ? answer(content)
            : FakeLineReply.Error(404, "Not found", ("messageId", $"no content for message {id}"));
    }
}
