namespace LineCrm.Segmentation.Tests.Members.Files;

/// <summary>A stream that reads or writes forward only and cannot tell its length, as a network stream or a pipe.</summary>
internal sealed class ForwardOnlyStream(Stream inner, bool write) : Stream
{
    public override bool CanRead => !write;

    public override bool CanSeek => false;

    public override bool CanWrite => write;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => CanRead ? inner.Read(buffer, offset, count) : throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!CanWrite)
        {
            throw new NotSupportedException();
        }

        inner.Write(buffer, offset, count);
    }
}
