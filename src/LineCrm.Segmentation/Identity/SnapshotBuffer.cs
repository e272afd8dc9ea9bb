using System.Security.Cryptography;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The bytes of a snapshot read from a stream that cannot seek, kept so they can be checked before they are parsed.
/// They are kept in chunks of 1 MiB (the last one smaller) allocated as bytes arrive, so what a damaged length claims
/// never costs more than the bytes that are really there, twice over, and 64 KiB.
/// </summary>
internal sealed class SnapshotBuffer : Stream
{
    private const int ChunkSize = 1 << 20;
    private const int FirstChunkSize = 1 << 16;

    private readonly List<byte[]> _chunks = [];
    private long _length;
    private long _position;

    /// <summary>
    /// Reads up to <paramref name="limit"/> bytes (all that is left when it is <see cref="long.MaxValue"/>), appending
    /// each to <paramref name="hash"/> when there is one. A chunk starts at 64 KiB and doubles as bytes arrive, so
    /// what is allocated is at most twice what arrived plus 64 KiB.
    /// </summary>
    /// <returns>The buffer, which may hold fewer bytes than asked when the stream ended first.</returns>
    public static SnapshotBuffer ReadFrom(Stream source, long limit, IncrementalHash? hash)
    {
        var buffer = new SnapshotBuffer();
        var chunk = new byte[(int)Math.Min(FirstChunkSize, limit)];
        var used = 0;
        while (buffer._length + used < limit)
        {
            if (used == chunk.Length)
            {
                if (chunk.Length == ChunkSize)
                {
                    buffer._chunks.Add(chunk);
                    buffer._length += used;
                    chunk = new byte[(int)Math.Min(FirstChunkSize, limit - buffer._length)];
                    used = 0;
                }
                else
                {
                    Array.Resize(ref chunk, (int)Math.Min(Math.Min(ChunkSize, chunk.Length * 2L), limit - buffer._length));
                }
            }

            var read = source.Read(chunk, used, chunk.Length - used);
            if (read <= 0)
            {
                break;
            }

            hash?.AppendData(chunk, used, read);
            used += read;
        }

        if (used < chunk.Length)
        {
            Array.Resize(ref chunk, used);
        }

        buffer._chunks.Add(chunk);
        buffer._length += used;
        return buffer;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (!buffer.IsEmpty && _position < _length)
        {
            var chunk = _chunks[(int)(_position / ChunkSize)];
            var at = (int)(_position % ChunkSize);
            var count = Math.Min(buffer.Length, chunk.Length - at);
            chunk.AsSpan(at, count).CopyTo(buffer);
            buffer = buffer[count..];
            _position += count;
            total += count;
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
