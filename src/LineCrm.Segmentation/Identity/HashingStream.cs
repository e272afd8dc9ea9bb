using System.Security.Cryptography;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Passes bytes through to another stream and hashes them (SHA-256), so a snapshot can end with a checksum of
/// everything before it. Small reads are gathered before hashing, since a snapshot is read a few bytes at a time.
/// </summary>
internal sealed class HashingStream(Stream inner, bool writing) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _pending = new byte[1 << 16];
    private int _pendingCount;
    private long _position;

    public override bool CanRead => !writing;

    public override bool CanWrite => writing;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes passed through so far.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The hash of every byte passed through.</summary>
    public byte[] GetHash()
    {
        Drain();
        return _hash.GetHashAndReset();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Take(buffer[..read]);
        return read;
    }

    public override int ReadByte()
    {
        var value = inner.ReadByte();
        if (value >= 0)
        {
            Take([(byte)value]);
        }

        return value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Take(buffer);
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Take(ReadOnlySpan<byte> bytes)
    {
        _position += bytes.Length;
        if (bytes.Length > _pending.Length - _pendingCount)
        {
            Drain();
            if (bytes.Length > _pending.Length)
            {
                _hash.AppendData(bytes);
                return;
            }
        }

        bytes.CopyTo(_pending.AsSpan(_pendingCount));
        _pendingCount += bytes.Length;
    }

    private void Drain()
    {
        _hash.AppendData(_pending.AsSpan(0, _pendingCount));
        _pendingCount = 0;
    }
}
