using System.Net;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Content;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Content;

/// <summary>LINE answers 202 Accepted, with no content, while it prepares a video or audio: never an empty download.</summary>
public sealed class ContentNotReadyTests
{
    private const string TranscodingCall = nameof(LineMessagingClient.GetMessageContentTranscodingByMessageIdAsync);

    // A safety net so a leaked connection (the next request waiting for it for ever) fails instead of hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_video_LINE_is_still_preparing_throws_202_naming_the_transcoding_call_instead_of_an_empty_download()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.MessageContents["m-video"] =
            new FakeMessageContent(FakeMessageContent.Generate(50_000, seed: 4), "video/mp4") { Transcoding = "processing" };

        var notReady = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageContentAsync("m-video", ct));

        Assert.Equal((HttpStatusCode.Accepted, "getMessageContent"), (notReady.StatusCode, notReady.OperationId));
        Assert.Contains(TranscodingCall, notReady.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LineMessagingClient.GetMessageContentAsync), notReady.Message, StringComparison.Ordinal);
        Assert.NotNull(notReady.RequestId);
        Assert.Null(notReady.LineMessage);
        Assert.Equal([202], line.Server.RequestsOf("getMessageContent").Select(r => r.Status)); // not retried: the caller polls
    }

    [Fact]
    public async Task After_a_202_the_connection_is_released_and_once_ready_the_same_client_streams_the_video()
    {
        await using var server = await FakeLineServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;
        var bytes = FakeMessageContent.Generate(300_000, seed: 8);
        var video = new FakeMessageContent(bytes, "video/mp4") { Transcoding = "processing" };
        server.Platform.MessageContents["m-video"] = video;

        // The 202 comes chunked, its (empty) end not yet read by the client when it sees the headers: a client that
        // did not read or dispose that answer would hold the only connection, and the next request would wait for ever.
        server.Routes.Handle("getMessageContent", _ => video.Transcoding == "processing"
            ? new FakeLineReply(202) { WriteBody = (body, token) => body.FlushAsync(token) }
            : FakeLineReply.Binary(bytes, "video/mp4"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new LineMessagingClient(http, FakeLineHarness.FastOptions(server));

        var notReady = await Assert.ThrowsAsync<LineApiException>(() => client.GetMessageContentAsync("m-video", ct).WaitAsync(Patience, ct));
        var processing = await client.GetMessageContentTranscodingByMessageIdAsync("m-video", ct).WaitAsync(Patience, ct);
        video.Transcoding = "succeeded";
        var succeeded = await client.GetMessageContentTranscodingByMessageIdAsync("m-video", ct).WaitAsync(Patience, ct);
        await using var download = await client.GetMessageContentAsync("m-video", ct).WaitAsync(Patience, ct);
        using var copy = new MemoryStream();
        await download.CopyToAsync(copy, ct).WaitAsync(Patience, ct);

        Assert.Equal(202, (int)notReady.StatusCode);
        Assert.Equal(MessageContentTranscodingStatus.Processing, processing.Value.Status);
        Assert.Equal(MessageContentTranscodingStatus.Succeeded, succeeded.Value.Status);
        Assert.Equal((200, "video/mp4", (long?)bytes.Length), (download.Status, download.ContentType, download.ContentLength));
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal([202, 200], server.RequestsOf("getMessageContent").Select(r => r.Status));
    }

    [Fact]
    public async Task A_preview_answered_202_throws_202_naming_the_transcoding_call()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.MessageContents["m-video"] = new FakeMessageContent([1, 2, 3], "video/mp4") { Preview = [4, 5, 6] };
        line.Server.Routes.Handle("getMessageContentPreview", _ => new FakeLineReply(202));

        var notReady = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageContentPreviewAsync("m-video", ct));

        Assert.Equal((202, "getMessageContentPreview"), ((int)notReady.StatusCode, notReady.OperationId));
        Assert.Contains(TranscodingCall, notReady.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LineMessagingClient.GetMessageContentPreviewAsync), notReady.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_success_without_content_is_an_error_too_never_an_empty_download()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Routes.Handle("getMessageContent", _ => new FakeLineReply(204));

        var empty = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageContentAsync("m-any", ct));

        Assert.Equal((204, "getMessageContent"), ((int)empty.StatusCode, empty.OperationId));
        Assert.Contains("no content to download", empty.Message, StringComparison.Ordinal);
    }
}
