using System.Security.Cryptography;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The bytes of a snapshot read from a stream that cannot seek, kept so they can be checked before they are parsed.
/// They are kept in chunks of at most 1 MiB allocated as bytes arrive, so what a damaged length claims never costs more
/// than one chunk beyond the bytes that are really there.
/// </summary>
internal sealed class SnapshotBuffer : Stream
{
    private const int ChunkSize = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private long _length;
    private long _position;

    /// <summary>
    /// Reads up to <paramref name="limit"/> bytes (all that is left when it is <see cref="long.MaxValue"/>), appending
    /// each to <paramref name="hash"/> when there is one.
    /// </summary>
    /// <returns>The buffer, which may hold fewer bytes than asked when the stream ended first.</returns>
    public static SnapshotBuffer ReadFrom(Stream source, long limit, IncrementalHash? hash)
    {
        var buffer = new SnapshotBuffer();
        while (buffer._length < limit)
        {
            var chunk = new byte[(int)Math.Min(ChunkSize, limit - buffer._length)];
            var used = 0;
            while (used < chunk.Length)
            {
                var read = source.Read(chunk, used, chunk.Length - used);
                if (read <= 0)
                {
                    break;
                }

                used += read;
            }

            if (used < chunk.Length)
            {
                Array.Resize(ref chunk, used);
            }

            hash?.AppendData(chunk);
            buffer._chunks.Add(chunk);
            buffer._length += used;
            if (used < ChunkSize && buffer._length < limit)
            {
                break;
            }
        }

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
