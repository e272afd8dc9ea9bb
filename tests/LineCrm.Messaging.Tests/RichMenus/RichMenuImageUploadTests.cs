using LineCrm.Messaging.Client;
using LineCrm.Messaging.RichMenus;
using LineCrm.Messaging.Tests.Support;
using static LineCrm.Messaging.Tests.RichMenus.RichMenuSamples;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>Images LINE would refuse are refused before any byte is sent: the fake must see no upload at all.</summary>
public sealed class RichMenuImageUploadTests
{
    [Theory]
    [InlineData("image/gif")]
    [InlineData("image/webp")]
    [InlineData("application/octet-stream")]
    public async Task Another_content_type_than_jpeg_or_png_is_refused_before_sending(string contentType)
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetRichMenuImageAsync("richmenu-1", Png(), contentType, ct));

        Assert.Equal("contentType", error.ParamName);
        Assert.Contains("image/jpeg or image/png", error.Message, StringComparison.Ordinal);
        Assert.Contains(contentType, error.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task An_image_over_1_MB_is_refused_before_sending_from_bytes_and_from_a_stream_that_cannot_tell_its_length()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var tooBig = Png(RichMenuLimits.MaxImageBytes + 1);

        var fromBytes = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetRichMenuImageAsync("richmenu-1", tooBig, "image/png", ct));
        var fromPipe = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.SetRichMenuImageAsync("richmenu-1", new UnseekableStream(Png(5 * RichMenuLimits.MaxImageBytes)), "image/png", ct));
        var fromFile = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.SetRichMenuImageAsync("richmenu-1", new MemoryStream(tooBig), "image/png", ct));

        Assert.Contains("at most 1,048,576 bytes (1 MB); this one is 1,048,577 bytes", fromBytes.Message, StringComparison.Ordinal);
        Assert.Equal("image", fromBytes.ParamName);
        Assert.Contains("at most 1,048,576 bytes", fromPipe.Message, StringComparison.Ordinal);
        Assert.Contains("1,048,577", fromFile.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task Bytes_that_are_not_the_declared_type_are_refused_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var jpegAsPng = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetRichMenuImageAsync("richmenu-1", Jpeg(), "image/png", ct));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetRichMenuImageAsync("richmenu-1", Array.Empty<byte>(), "image/jpeg", ct));

        Assert.Contains("not a PNG image", jpegAsPng.Message, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task Exactly_1_MB_is_uploaded_and_a_second_upload_gets_LINEs_400()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;
        var image = Jpeg(RichMenuLimits.MaxImageBytes);

        await line.Client.SetRichMenuImageAsync(id, new UnseekableStream(image), "image/jpeg; charset=binary", ct);
        var again = await Assert.ThrowsAsync<LineApiException>(() => line.Client.SetRichMenuImageAsync(id, Jpeg(), "image/jpeg", ct));

        Assert.Equal(image, line.Server.Platform.RichMenus[id].Image);
        Assert.Equal(400, (int)again.StatusCode);
        Assert.Contains("already been uploaded", again.LineMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2501, 1686, "must be 800 to 2500 pixels wide")]
    [InlineData(799, 250, "must be 800 to 2500 pixels wide")]
    [InlineData(1200, 249, "must be at least 250 pixels high")]
    [InlineData(1000, 1000, "must be at least 1.45 times as wide as high")]
    [InlineData(2500, 1725, "must be at least 1.45 times as wide as high")]
    public async Task An_image_of_a_size_LINE_refuses_is_refused_before_sending_naming_its_size_and_the_rule(int width, int height, string rule)
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;

        var png = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.SetRichMenuImageAsync(id, TestImages.Png(width, height), "image/png", ct));
        var jpeg = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.SetRichMenuImageAsync(id, new MemoryStream(TestImages.Jpeg(width, height, new TestImages.JpegLayout(Progressive: true))), "image/jpeg", ct));

        foreach (var error in new[] { png, jpeg })
        {
            Assert.Equal("image", error.ParamName);
            Assert.Contains(rule, error.Message, StringComparison.Ordinal);
            Assert.Contains($"this one is {width}×{height} pixels", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(line.Server.RequestsOf("setRichMenuImage"));
        Assert.Null(line.Server.Platform.RichMenus[id].Image);
    }

    [Fact]
    public async Task An_image_whose_header_is_cut_short_or_broken_is_refused_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var jpeg = TestImages.Jpeg(2500, 1686);
        var frameHeader = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);

        var cutPng = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.SetRichMenuImageAsync("richmenu-1", TestImages.Png(2500, 1686).AsMemory(0, 20), "image/png", ct));
        var noFrame = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.SetRichMenuImageAsync("richmenu-1", new UnseekableStream(jpeg[..frameHeader]), "image/jpeg", ct));

        Assert.Contains("PNG header is cut short", cutPng.Message, StringComparison.Ordinal);
        Assert.Contains("before a frame header (SOF marker)", noFrame.Message, StringComparison.Ordinal);
        Assert.Equal(("image", "image"), (cutPng.ParamName, noFrame.ParamName));
        Assert.Empty(line.Server.Requests);
    }

    [Theory]
    [InlineData("image/png", 2500, 1686)]
    [InlineData("image/jpeg", 2500, 1686)]
    [InlineData("image/png", 800, 250)]
    [InlineData("image/jpeg", 1450, 1000)]
    public async Task An_image_within_LINEs_sizes_is_uploaded(string contentType, int width, int height)
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;
        var image = contentType == "image/png"
            ? TestImages.Png(width, height)
            : TestImages.Jpeg(width, height, new TestImages.JpegLayout(ExifThumbnail: true, FillBytes: 2));

        await line.Client.SetRichMenuImageAsync(id, image, contentType, ct);

        Assert.Equal(200, Assert.Single(line.Server.RequestsOf("setRichMenuImage")).Status);
        Assert.Equal(image, line.Server.Platform.RichMenus[id].Image);
    }

    [Fact]
    public async Task An_image_for_an_unknown_menu_gets_404()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var missing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.SetRichMenuImageAsync("richmenu-nope", Png(), "image/png", ct));
        var noImage = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuImageAsync("richmenu-nope", ct));

        Assert.Equal((404, "setRichMenuImage"), ((int)missing.StatusCode, missing.OperationId));
        Assert.Equal((404, "getRichMenuImage"), ((int)noImage.StatusCode, noImage.OperationId));
    }

    /// <summary>A stream that cannot say its length, like a network or pipe stream.</summary>
    private sealed class UnseekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
