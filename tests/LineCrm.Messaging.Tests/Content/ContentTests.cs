using LineCrm.Messaging.Client;
using LineCrm.Messaging.Content;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Content;

public sealed class ContentTests
{
    private const int Megabyte = 1024 * 1024;

    // A safety net so a client that buffers (and so never returns while the fake holds the body) fails instead of hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_video_is_streamed_the_caller_reads_the_first_megabyte_while_LINE_has_not_sent_the_rest()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var video = new FakeMessageContent(FakeMessageContent.Generate(8 * Megabyte, seed: 7), "video/mp4")
        {
            HoldAfter = Megabyte,
            Release = release.Task,
        };
        line.Server.Platform.MessageContents["m-video"] = video;

        await using var download = await line.Client.GetMessageContentAsync("m-video", ct).WaitAsync(Patience, ct);
        var first = new byte[Megabyte];
        await download.Stream.ReadExactlyAsync(first, ct).AsTask().WaitAsync(Patience, ct);
        await video.Held.WaitAsync(Patience, ct);

        // The caller holds the first megabyte while the fake has written nothing more: the client did not wait for the body.
        Assert.Equal(Megabyte, video.BytesWritten);
        Assert.Equal(video.Content.AsSpan(0, Megabyte).ToArray(), first);
        Assert.Equal(8L * Megabyte, download.ContentLength);
        Assert.Equal("video/mp4", download.ContentType);

        release.SetResult();
        using var rest = new MemoryStream();
        await download.CopyToAsync(rest, ct);

        Assert.Equal(video.Content.AsSpan(Megabyte).ToArray(), rest.ToArray());
        Assert.Equal(FakeLineHost.Data, Assert.Single(line.Server.RequestsOf("getMessageContent")).Host);
    }

    [Fact]
    public async Task Content_is_copied_to_a_file_as_it_arrives()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var content = FakeMessageContent.Generate(3 * Megabyte + 17, seed: 3);
        line.Server.Platform.MessageContents["m-file"] = new FakeMessageContent(content, "application/pdf");
        var path = Path.Combine(Path.GetTempPath(), $"linecrm-content-{Guid.NewGuid():N}.bin");
        try
        {
            await using (var download = await line.Client.GetMessageContentAsync("m-file", ct))
            await using (var file = File.Create(path))
            {
                await download.CopyToAsync(file, ct);
            }

            Assert.Equal(content, await File.ReadAllBytesAsync(path, ct));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Disposing_a_download_half_way_closes_the_connection()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var video = new FakeMessageContent(FakeMessageContent.Generate(4 * Megabyte, seed: 11), "video/mp4")
        {
            HoldAfter = Megabyte,
            Release = new TaskCompletionSource().Task, // never: only the client going away ends this download
        };
        line.Server.Platform.MessageContents["m-video"] = video;

        var download = await line.Client.GetMessageContentAsync("m-video", ct);
        var buffer = new byte[64 * 1024];
        await download.Stream.ReadExactlyAsync(buffer, ct);
        await video.Held.WaitAsync(Patience, ct);
        await download.DisposeAsync();

        await video.Aborted.WaitAsync(Patience, ct);
        Assert.Equal(Megabyte, video.BytesWritten);
    }

    [Fact]
    public async Task A_preview_is_downloaded_and_a_message_without_one_gets_404_with_details()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var preview = FakeMessageContent.Generate(20_000, seed: 5);
        line.Server.Platform.MessageContents["m-image"] = new FakeMessageContent(FakeMessageContent.Generate(100_000, 1), "image/jpeg") { Preview = preview };
        line.Server.Platform.MessageContents["m-audio"] = new FakeMessageContent(FakeMessageContent.Generate(1_000, 2), "audio/m4a");

        await using var download = await line.Client.GetMessageContentPreviewAsync("m-image", ct);
        using var copy = new MemoryStream();
        await download.CopyToAsync(copy, ct);
        var none = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageContentPreviewAsync("m-audio", ct));

        Assert.Equal(preview, copy.ToArray());
        Assert.Equal(200, download.Status);
        Assert.NotNull(download.RequestId);
        Assert.Equal((404, "getMessageContentPreview"), ((int)none.StatusCode, none.OperationId));
        Assert.Equal("messageId", Assert.Single(none.Details).Property);
        Assert.All(line.Server.RequestsOf("getMessageContentPreview"), r => Assert.Equal(FakeLineHost.Data, r.Host));
    }

    [Theory]
    [InlineData("processing")]
    [InlineData("succeeded")]
    [InlineData("failed")]
    [InlineData("queued")] // a status LINE may add later is kept, not thrown on
    public async Task The_transcoding_status_is_read_and_an_unknown_one_is_kept(string status)
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.MessageContents["m-video"] = new FakeMessageContent([1, 2, 3], "video/mp4") { Transcoding = status };

        var read = await line.Client.GetMessageContentTranscodingByMessageIdAsync("m-video", ct);

        Assert.Equal(status, read.Value.Status.Value);
        Assert.Equal(status == "succeeded", read.Value.Status == MessageContentTranscodingStatus.Succeeded);
        Assert.Equal(FakeLineHost.Data, Assert.Single(line.Server.RequestsOf("getMessageContentTranscodingByMessageId")).Host);
    }

    [Fact]
    public async Task An_unknown_message_gets_404_from_every_content_operation()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var content = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageContentAsync("nope", ct));
        var transcoding = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageContentTranscodingByMessageIdAsync("nope", ct));

        Assert.Equal((404, "getMessageContent"), ((int)content.StatusCode, content.OperationId));
        Assert.Contains("no content for message nope", content.Message, StringComparison.Ordinal);
        Assert.Equal(404, (int)transcoding.StatusCode);
    }

    [Fact]
    public async Task A_429_before_the_download_is_retried_and_the_body_is_whole()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var bytes = FakeMessageContent.Generate(2 * Megabyte, seed: 9);
        line.Server.Platform.MessageContents["m-image"] = new FakeMessageContent(bytes, "image/jpeg");
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "getMessageContent"));
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerError, "getMessageContent"));

        await using var download = await line.Client.GetMessageContentAsync("m-image", ct);
        using var copy = new MemoryStream();
        await download.CopyToAsync(copy, ct);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal([429, 500, 200], line.Server.RequestsOf("getMessageContent").Select(r => r.Status));
    }
}
