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

        var error = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetRichMenuImageAsync("richmenu-1", Png(100), contentType, ct));

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

        var jpegAsPng = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.SetRichMenuImageAsync("richmenu-1", Jpeg(100), "image/png", ct));
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
        var again = await Assert.ThrowsAsync<LineApiException>(() => line.Client.SetRichMenuImageAsync(id, Jpeg(10), "image/jpeg", ct));

        Assert.Equal(image, line.Server.Platform.RichMenus[id].Image);
        Assert.Equal(400, again.Status);
        Assert.Contains("already been uploaded", again.LineMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_for_an_unknown_menu_gets_404()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var missing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.SetRichMenuImageAsync("richmenu-nope", Png(10), "image/png", ct));
        var noImage = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuImageAsync("richmenu-nope", ct));

        Assert.Equal((404, "setRichMenuImage"), (missing.Status, missing.OperationId));
        Assert.Equal((404, "getRichMenuImage"), (noImage.Status, noImage.OperationId));
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
